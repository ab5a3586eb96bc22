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
 * <p>Thread-safe: every method holds the outbox's lock; sends complete on container threads.
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
    private boolean inPump;
    private boolean closed;
    private CloseReason closeWhenDrained;

    Outbox(Session session) {
        this.session = session;
    }

    /** Queues a text frame; returns {@code false} when the client is too far behind (or gone). */
    synchronized boolean text(String text) {
        return offer(new Frame(text, null, (long) text.length() * 2, false));
    }

    synchronized boolean binary(byte[] bytes) {
        return offer(new Frame(null, ByteBuffer.wrap(bytes), bytes.length, false));
    }

    /** Queues a WebSocket ping, in turn with the data, so a busy connection is pinged too. */
    synchronized boolean ping() {
        return offer(new Frame(null, null, 2, true));
    }

    /** Sends what is queued, then closes the connection. */
    synchronized void closeAfterDrain(CloseReason reason) {
        if (closed || closeWhenDrained != null) {
            return;
        }
        closeWhenDrained = reason;
        pump();
    }

    /** Closes now, dropping whatever is queued. */
    synchronized void closeNow(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        queuedBytes = 0;
        closeSession(reason);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    Session session() {
        return session;
    }

    private boolean offer(Frame frame) {
        if (closed || closeWhenDrained != null) {
            return false;
        }
        if (queue.size() >= MAX_FRAMES || queuedBytes + frame.size() > MAX_BYTES) {
            return false;
        }
        queue.add(frame);
        queuedBytes += frame.size();
        pump();
        return true;
    }

    private void pump() {
        inPump = true;
        try {
            while (!sending && !closed) {
                Frame next = queue.poll();
                if (next == null) {
                    if (closeWhenDrained != null) {
                        closed = true;
                        closeSession(closeWhenDrained);
                    }
                    return;
                }
                queuedBytes -= next.size();
                RemoteEndpoint.Async remote = session.getAsyncRemote();
                if (next.ping()) {
                    try {
                        remote.sendPing(PING.duplicate());
                    } catch (IOException | RuntimeException e) {
                        closeNow(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "ping failed"));
                    }
                    continue;
                }
                sending = true;
                try {
                    if (next.text() != null) {
                        remote.sendText(next.text(), this::sent);
                    } else {
                        remote.sendBinary(next.binary(), this::sent);
                    }
                } catch (RuntimeException e) {
                    sending = false;
                    closeNow(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
                }
            }
        } finally {
            inPump = false;
        }
    }

    private synchronized void sent(SendResult result) {
        sending = false;
        if (!result.isOK()) {
            closed = true;
            queue.clear();
            queuedBytes = 0;
            return;
        }
        if (!inPump) {
            pump();
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
