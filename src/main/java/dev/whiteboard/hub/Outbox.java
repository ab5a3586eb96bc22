package dev.whiteboard.hub;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The frames waiting to go to one connection, sent one at a time with the asynchronous API so that no thread
 * ever waits for a slow client. The queue is bounded like the service's (1,000 frames or 16 MB): a client that
 * falls further behind is disconnected rather than allowed to fill the heap.
 * <p>Thread-safe. The lock guards only the queue's state; frames are handed to the container outside it, so
 * fan-out threads never wait for a socket write. Whichever thread learns that a send completed sends the next
 * frame; a completion reported inline (on the sending thread) continues that thread's loop instead of recursing.
 */
final class Outbox {

    static final int MAX_FRAMES = 1_000;
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private record Frame(String text, ByteBuffer binary, long size, boolean ping) {
    }

    private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'w', 'b'});

    private final Session session;
    private final Deque<Frame> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private Thread inlineThread;
    private boolean inlineCompleted;
    private boolean closed;
    private CloseReason closeWhenDrained;
    private CloseReason closeDue;

    Outbox(Session session) {
        this.session = session;
    }

    /** Queues a text frame; returns {@code false} when the client is too far behind (or gone). */
    boolean text(String text) {
        return offer(new Frame(text, null, (long) text.length() * 2, false));
    }

    boolean binary(byte[] bytes) {
        return offer(new Frame(null, ByteBuffer.wrap(bytes), bytes.length, false));
    }

    /** Queues a WebSocket ping, in turn with the data, so a busy connection is pinged too. */
    boolean ping() {
        return offer(new Frame(null, null, 2, true));
    }

    /** Sends what is queued, then closes the connection. */
    void closeAfterDrain(CloseReason reason) {
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return;
            }
            closeWhenDrained = reason;
            if (sending) {
                return; // the thread that drains the queue closes at its end
            }
            closed = true;
        }
        closeSession(reason);
    }

    /** Closes now, dropping whatever is queued. */
    void closeNow(CloseReason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            queuedBytes = 0;
        }
        closeSession(reason);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    Session session() {
        return session;
    }

    private boolean offer(Frame frame) {
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return false;
            }
            if (sending) {
                if (queue.size() >= MAX_FRAMES || queuedBytes + frame.size() > MAX_BYTES) {
                    return false;
                }
                queue.add(frame);
                queuedBytes += frame.size();
                return true;
            }
            sending = true;
        }
        drain(frame);
        return true;
    }

    /** Sends {@code frame} and, as long as the container completes sends inline, the frames after it. */
    private void drain(Frame frame) {
        Frame next = frame;
        while (next != null) {
            Thread me = Thread.currentThread();
            synchronized (this) {
                inlineThread = me;
                inlineCompleted = false;
            }
            boolean started = start(next);
            synchronized (this) {
                boolean wasInline = inlineThread == me;
                if (wasInline) {
                    inlineThread = null;
                }
                if (!started) {
                    closed = true;
                    sending = false;
                    queue.clear();
                    queuedBytes = 0;
                    return;
                }
                if (!next.ping() && !(wasInline && inlineCompleted)) {
                    return; // the completion arrives on another thread, which goes on from there
                }
                next = pollNext();
            }
        }
        closeIfDue();
    }

    /**
     * Hands one frame to the container. The thread's context class loader is the platform loader meanwhile:
     * Tyrus on Payara schedules an idle-timeout task on every send, and Payara's concurrency runtime scans the
     * context class loader's class path for service providers on every task it schedules; the application's loader
     * made that scan the largest cost of a fan-out. Nothing of the send needs the application's classes.
     */
    private boolean start(Frame frame) {
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            // inside the try: a session that closed meanwhile throws here, and only this connection may pay for it
            RemoteEndpoint.Async remote = session.getAsyncRemote();
            if (frame.ping()) {
                remote.sendPing(PING.duplicate());
            } else if (frame.text() != null) {
                remote.sendText(frame.text(), this::sent);
            } else {
                remote.sendBinary(frame.binary(), this::sent);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            closeSession(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
            return false;
        } finally {
            thread.setContextClassLoader(application);
        }
    }

    private void sent(SendResult result) {
        Frame next;
        synchronized (this) {
            if (!result.isOK()) {
                closed = true;
                sending = false;
                queue.clear();
                queuedBytes = 0;
                return;
            }
            if (Thread.currentThread() == inlineThread) {
                inlineCompleted = true;
                return;
            }
            next = pollNext();
        }
        if (next != null) {
            drain(next);
        } else {
            closeIfDue();
        }
    }

    /** The next frame to send, under the lock; at the end of the queue, sending stops (closing, if asked to). */
    private Frame pollNext() {
        Frame next = queue.poll();
        if (next != null) {
            queuedBytes -= next.size();
            return next;
        }
        sending = false;
        if (closeWhenDrained != null && !closed) {
            closed = true;
            closeDue = closeWhenDrained; // closed by the caller once it has left the lock
        }
        return null;
    }

    /** Closes the session if the queue ran dry with a close pending; never under the lock (it calls back). */
    private void closeIfDue() {
        CloseReason reason;
        synchronized (this) {
            reason = closeDue;
            closeDue = null;
        }
        if (reason != null) {
            closeSession(reason);
        }
    }

    private void closeSession(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | IllegalStateException e) {
            // already closing
        }
    }
}
