package dev.whiteboard.hub.socket;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's WebSocket on an upgraded HTTP connection, with the Servlet API's non-blocking I/O.
 * <p><b>Reading</b>: the container calls {@link #onDataAvailable()}; the bytes go through a {@link FrameReader}, and
 * whole messages to the {@link Listener}. Pings are answered, a client's close frame is answered and ends the
 * connection, a protocol violation closes it with the violation's code.
 * <p><b>Writing</b>: {@link #send} hands a frame to the container at once when the connection takes it and nothing is
 * waiting, else queues it; {@link #onWritePossible()} writes what waits, as many frames as the connection takes in one
 * flush. {@link #write} gathers frames until {@link #flush}, which hands them to the container in one write (one
 * call through the container's output layers and one system call for all of them, however many there are), or queues
 * them if the connection takes nothing now. The queue is bounded like the service's (1,000 frames or 16 MB): a client
 * that falls further behind gets {@code false}, and the hub drops it rather than fill the heap.
 * <p><b>Closing</b> (RFC 6455 §7): a close frame goes after what is queued ({@link #close}) or instead of it
 * ({@link #closeNow}); after it nothing else is sent, frames that still arrive are ignored, and the connection ends
 * when the client answers with its close frame, when it goes away, or {@value #CLOSE_TIMEOUT_SECONDS} s later. The
 * listener hears of the close once, as soon as it is decided, with who decided it ({@link SocketClosure}): the
 * client's close frame, the hub's, or neither (lost).
 * <p>Thread-safe: sends come from any thread, reads from the container's; one lock guards the queue and the state,
 * and the listener is never called under it.
 */
public final class ClientSocket implements HttpUpgradeHandler, ReadListener, WriteListener {

    /**
     * How the hub hears from the socket: messages and pongs in order on the thread reading the socket; the close on
     * whichever thread learns of it.
     */
    public interface Listener {
        default void text(String text) {}

        default void binary(byte[] bytes) {}

        default void pong() {}

        /**
         * Bytes arrived from the client, a whole frame or a part of one: it is alive, even while a large message (or
         * a pong queued behind one) is still on its way. Called on the thread reading the socket, before the frames.
         */
        default void heard() {}

        /**
         * The WebSocket is closed: by the client's close frame, by the hub's, or lost without one ({@code 1006});
         * called once, as soon as that is decided.
         */
        default void closed(SocketClosure closure) {}
    }

    /**
     * The threads a socket needs besides the container's: a timer that ends close handshakes a client does not answer,
     * and the threads that close connections. A container's close may block: Undertow (WildFly) writes out what it
     * still holds for the client and waits until it has left, which for a client that stopped reading is until it
     * goes away. So a close never runs on the thread that decided it (the fan-out's, the timer's, a reading one);
     * one blocked close must not hold up the others either, hence a pool, not one thread.
     */
    public record Threads(ScheduledExecutorService timer, Executor closer) {}

    /** Called once the connection is upgraded, before anything is read: what listens to the socket. */
    public interface Opener {
        Listener opened(ClientSocket socket) throws IOException;
    }

    public static final int MAX_QUEUED_FRAMES = 1_000;
    public static final long MAX_QUEUED_BYTES = 16L * 1024 * 1024;
    static final int CLOSE_TIMEOUT_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ClientSocket.class.getName());
    /** Reading buffers, one per container thread, lent to one read at a time. */
    private static final ThreadLocal<byte[]> READ_BUFFERS = new ThreadLocal<>();

    private static final int READ_BUFFER_BYTES = 16 * 1024;
    /** Gathered frames go to the container before {@link #flush} once there are this many of them or bytes. */
    static final int MAX_GATHERED_FRAMES = 256;

    static final int MAX_GATHERED_BYTES = 64 * 1024;

    private final Deque<byte[]> queue = new ArrayDeque<>(4);
    private long queuedBytes;
    /**
     * Frames {@link #write} gathered for the next {@link #flush}, in order; only while nothing is queued (they go before
     * whatever is sent or queued next). Made at the first write: an idle connection has none.
     */
    private List<byte[]> gathered;

    private int gatheredBytes;
    private Opener opener;
    private Threads threads;
    private FrameReader reader;
    private Listener listener = NO_LISTENER;
    private WebConnection connection;
    private ServletInputStream in;
    private ServletOutputStream out;

    /** The close frame this side sends, once decided; nothing is queued after it. */
    private byte[] closeFrame;

    private boolean closeSent;
    private boolean closeReceived;
    /** Bytes that still arrive are not read as frames (after a protocol violation, or after the client's close). */
    private boolean discarding;

    private boolean ended;
    private boolean told;
    private int closedCode;
    private String closedReason;
    private SocketClosure.Origin closedBy;

    private static final Listener NO_LISTENER = new Listener() {};

    /**
     * Set by the servlet between the upgrade and {@link #init}: the largest message a client may send, what opens
     * the connection, and the threads it needs.
     */
    public void prepare(int maxMessageBytes, Opener opener, Threads threads) {
        this.reader = new FrameReader(maxMessageBytes);
        this.opener = opener;
        this.threads = threads;
    }

    @Override
    public void init(WebConnection webConnection) {
        try {
            synchronized (this) {
                connection = webConnection;
                in = webConnection.getInputStream();
                out = webConnection.getOutputStream();
            }
            out.setWriteListener(this); // from here on the output is non-blocking
            Listener opened = opener.opened(this);
            synchronized (this) {
                listener = opened;
            }
            tell(); // in case it closed while opening
            in.setReadListener(this); // last: reads may start on another thread at once
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "A client connection could not be opened", e);
            end(CloseCode.CLOSED_ABNORMALLY.code(), "the connection could not be opened");
        }
    }

    /**
     * Sends a frame (see {@link Frames}) at once, or queues it when frames are waiting or the connection takes none now;
     * {@code false} when the client is too far behind or the socket is closing.
     */
    public boolean send(byte[] frame) {
        return send(frame, true);
    }

    /**
     * Like {@link #send}, but gathers the frame with the others written since the last {@link #flush}, which hands them
     * to the container in one write: many frames to one client then leave together. {@code false} when the client is
     * too far behind or the socket is closing.
     */
    public boolean write(byte[] frame) {
        boolean failed;
        synchronized (this) {
            if (closeFrame != null || ended) {
                return false;
            }
            if (!queue.isEmpty() || out == null) {
                return enqueueIfRoom(frame);
            }
            if (gathered == null) {
                gathered = new ArrayList<>();
            }
            gathered.add(frame);
            gatheredBytes += frame.length;
            if (gathered.size() < MAX_GATHERED_FRAMES && gatheredBytes < MAX_GATHERED_BYTES) {
                return true;
            }
            failed = !writeGathered(); // many or large: to the container now, flushed later
        }
        if (failed) {
            lost();
        }
        return true;
    }

    /**
     * Hands what {@link #write} gathered to the container in one write and pushes it out (if the connection takes it
     * now; else it waits in the queue for {@link #onWritePossible()}).
     */
    public void flush() {
        boolean failed = false;
        synchronized (this) {
            if (ended || out == null || !queue.isEmpty()) {
                return; // queued frames are flushed when the container says the connection takes them
            }
            try {
                failed = !writeGathered();
                if (!failed && queue.isEmpty() && out.isReady()) {
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
        }
        if (failed) {
            lost();
        }
    }

    private boolean send(byte[] frame, boolean flush) {
        boolean failed;
        synchronized (this) {
            if (closeFrame != null || ended) {
                return false;
            }
            if (!queue.isEmpty() || out == null) {
                return enqueueIfRoom(frame);
            }
            if (!writeGathered()) { // what was written goes first
                failed = true;
            } else if (!queue.isEmpty()) { // it went to the queue: the connection takes nothing now
                return enqueueIfRoom(frame);
            } else {
                failed = !writeOrQueue(frame, flush);
            }
        }
        if (failed) {
            lost();
        }
        return true;
    }

    /** Under the lock: queues the frame unless the queue is full; {@code false} then. */
    private boolean enqueueIfRoom(byte[] frame) {
        if (queue.size() >= MAX_QUEUED_FRAMES || queuedBytes + frame.length > MAX_QUEUED_BYTES) {
            return false;
        }
        enqueue(frame);
        return true;
    }

    /** Closes after what is queued: the close frame goes last, then the client's answer is awaited. */
    public void close(CloseCode code, String reason) {
        boolean failed;
        synchronized (this) {
            if (closeFrame != null || ended) {
                return;
            }
            closeFrame = Frames.close(code.code(), reason);
            decided(code.code(), reason, SocketClosure.Origin.SERVER);
            failed = out != null && !writeGathered(); // what was written goes first
            failed = failed || (queue.isEmpty() && out != null && !writeOrQueue(closeFrame, true));
            if (!queue.isEmpty() && queue.peekLast() != closeFrame) {
                enqueue(closeFrame);
            }
        }
        afterDecision(failed);
    }

    /** Closes at once: what is queued is dropped, the close frame is sent if the connection takes it. */
    public void closeNow(CloseCode code, String reason) {
        synchronized (this) {
            if (ended) {
                return;
            }
            dropWaiting();
            if (closeFrame == null) {
                closeFrame = Frames.close(code.code(), reason);
                decided(code.code(), reason, SocketClosure.Origin.SERVER);
                try {
                    if (out != null && out.isReady()) {
                        out.write(closeFrame);
                        if (out.isReady()) {
                            out.flush();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "Close frame not sent", e);
                }
            }
        }
        end(code.code(), reason);
    }

    /** Whether the socket is closing or closed: nothing more can be sent. */
    public synchronized boolean isClosed() {
        return closeFrame != null || ended;
    }

    // ---- the container's callbacks

    @Override
    public void onDataAvailable() {
        byte[] buffer = READ_BUFFERS.get();
        READ_BUFFERS.set(null); // lent to this read; a read nested in it (if a container did that) gets its own
        if (buffer == null) {
            buffer = new byte[READ_BUFFER_BYTES];
        }
        try {
            while (!hasEnded() && in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    break; // onAllDataRead follows
                }
                if (read > 0) {
                    listener().heard();
                    if (!discarding()) {
                        readFrames(buffer, read);
                    }
                }
            }
        } catch (IOException e) {
            lost();
        } catch (RuntimeException e) {
            if (!hasEnded()) {
                throw e; // the container calls onError: a defect, logged as one
            }
            // the connection was closed (on a closing thread) while this read ran: Grizzly's input is gone with it
            LOG.log(Level.FINE, "Read after the connection was closed", e);
        } finally {
            READ_BUFFERS.set(buffer);
        }
    }

    private synchronized boolean hasEnded() {
        return ended;
    }

    /** Reads frames; after a violation the rest of what the client sends is drained unread until it goes. */
    private void readFrames(byte[] buffer, int length) {
        try {
            reader.read(buffer, 0, length, handler);
        } catch (ProtocolViolation violation) {
            synchronized (this) {
                discarding = true;
            }
            close(violation.code(), violation.getMessage());
        }
    }

    @Override
    public void onAllDataRead() {
        lost();
    }

    @Override
    public void onWritePossible() {
        boolean failed = false;
        synchronized (this) {
            try {
                while (!queue.isEmpty() && out.isReady()) {
                    byte[] frame = queue.poll();
                    queuedBytes -= frame.length;
                    out.write(frame);
                    written(frame);
                }
                if (queue.isEmpty() && out.isReady() && !ended) {
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
        }
        if (failed) {
            lost();
        } else {
            endIfHandshakeDone();
        }
    }

    @Override
    public void onError(Throwable failure) {
        // an I/O failure is the network's business; anything else is a defect of the hub's own and must be seen
        LOG.log(
                failure instanceof IOException ? Level.FINE : Level.WARNING,
                "Client connection failed: " + failure,
                failure);
        lost();
    }

    @Override
    public void destroy() {
        lost();
    }

    // ---- inside

    private final FrameReader.Handler handler = new FrameReader.Handler() {
        @Override
        public void text(String text) {
            if (!isClosed()) { // once closing, messages are not read any more
                listener().text(text);
            }
        }

        @Override
        public void binary(byte[] bytes) {
            if (!isClosed()) {
                listener().binary(bytes);
            }
        }

        @Override
        public void ping(byte[] payload) {
            send(Frames.pong(payload));
        }

        @Override
        public void pong() {
            listener().pong();
        }

        @Override
        public void close(int code, String reason) {
            boolean failed;
            synchronized (ClientSocket.this) {
                closeReceived = true;
                discarding = true;
                failed = false;
                if (closeFrame == null) {
                    // answer with the same code (RFC 6455 §5.5.1); a close without a code is answered with 1000
                    int answer = code == CloseCode.NO_STATUS_CODE.code() ? CloseCode.NORMAL_CLOSURE.code() : code;
                    closeFrame = Frames.close(answer, "");
                    decided(code, reason, SocketClosure.Origin.CLIENT);
                    dropWaiting();
                    failed = out != null && !writeOrQueue(closeFrame, true);
                }
            }
            afterDecision(failed);
        }
    };

    private synchronized boolean discarding() {
        return discarding;
    }

    private synchronized Listener listener() {
        return listener;
    }

    /**
     * Under the lock: writes the frame (and flushes, if asked) when the connection takes it now, else queues it.
     * {@code false} on a failure.
     */
    private boolean writeOrQueue(byte[] frame, boolean flush) {
        try {
            if (!out.isReady()) {
                enqueue(frame);
                return true;
            }
            out.write(frame);
            written(frame);
            if (flush && out.isReady()) {
                out.flush();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Write to a client failed", e);
            return false;
        }
    }

    private void enqueue(byte[] frame) {
        queue.add(frame);
        queuedBytes += frame.length;
    }

    /**
     * Under the lock: hands the gathered frames to the container in one write without flushing, or queues them when the
     * connection takes nothing now; {@code false} on a failure.
     */
    private boolean writeGathered() {
        if (gathered == null || gathered.isEmpty()) {
            return true;
        }
        try {
            if (!out.isReady()) {
                // nothing was queued while they gathered, and they are fewer than the queue's bounds
                gathered.forEach(this::enqueue);
                return true;
            }
            if (gathered.size() == 1) {
                out.write(gathered.get(0));
            } else {
                // a fresh array each time: a container may keep the array it was given until it is sent (Undertow
                // does, in non-blocking mode), so one reused here would be overwritten under it
                byte[] buffer = new byte[gatheredBytes];
                int length = 0;
                for (byte[] frame : gathered) {
                    System.arraycopy(frame, 0, buffer, length, frame.length);
                    length += frame.length;
                }
                out.write(buffer, 0, length);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Write to a client failed", e);
            return false;
        } finally {
            gathered.clear();
            gatheredBytes = 0;
        }
    }

    /** Under the lock: what waits to be written is dropped (the connection closes at once). */
    private void dropWaiting() {
        queue.clear();
        queuedBytes = 0;
        if (gathered != null) {
            gathered.clear();
            gatheredBytes = 0;
        }
    }

    /** Under the lock: a frame went to the container. */
    private void written(byte[] frame) {
        if (frame == closeFrame) {
            closeSent = true;
        }
    }

    /** Under the lock: the close is decided (the first decision stands); the listener is told after the lock is left. */
    private void decided(int code, String reason, SocketClosure.Origin by) {
        if (closedReason == null) {
            closedCode = code;
            closedReason = reason == null ? "" : reason;
            closedBy = by;
        }
    }

    private void afterDecision(boolean failed) {
        if (failed) {
            lost();
            return;
        }
        tell();
        if (!endIfHandshakeDone()) {
            threads.timer()
                    .schedule(
                            () -> end(CloseCode.CLOSED_ABNORMALLY.code(), "no answer to the close frame"),
                            CLOSE_TIMEOUT_SECONDS,
                            TimeUnit.SECONDS);
        }
    }

    /** Ends the connection once both close frames have passed; returns whether it has ended. */
    private boolean endIfHandshakeDone() {
        boolean done;
        synchronized (this) {
            done = ended || (closeSent && closeReceived);
        }
        if (done) {
            end(closedCode, closedReason);
        }
        return done;
    }

    /** The connection was lost (or broke while writing): it ends without a close handshake. */
    private void lost() {
        end(CloseCode.CLOSED_ABNORMALLY.code(), "the connection was lost");
    }

    /**
     * Ends the connection. When no close frame decided the close before, it was lost: {@code code} and
     * {@code reason} say how.
     */
    private void end(int code, String reason) {
        WebConnection toClose;
        synchronized (this) {
            decided(code, reason, SocketClosure.Origin.LOST);
            if (ended) {
                toClose = null;
            } else {
                ended = true;
                dropWaiting();
                toClose = connection;
            }
        }
        if (toClose != null) {
            closeConnection(toClose);
        }
        tell();
    }

    /** Closes the container's connection on a closing thread (see {@link Threads}), or here if there is none. */
    private void closeConnection(WebConnection toClose) {
        Runnable close = () -> {
            try {
                toClose.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing a client connection failed", e);
            }
        };
        try {
            threads.closer().execute(close);
        } catch (RuntimeException e) { // no threads (not prepared, or the application is stopping)
            close.run();
        }
    }

    /** Tells the listener of the close, once. */
    private void tell() {
        Listener toTell;
        SocketClosure closure;
        synchronized (this) {
            if (told || closedReason == null || listener == NO_LISTENER) {
                return;
            }
            told = true;
            toTell = listener;
            closure = new SocketClosure(closedCode, closedReason, closedBy);
        }
        toTell.closed(closure);
    }
}
