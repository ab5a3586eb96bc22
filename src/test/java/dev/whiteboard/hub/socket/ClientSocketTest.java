package dev.whiteboard.hub.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client gets, in which order and in how many writes, when the hub writes frames (gathered until a flush), sends
 * them at once, closes, and when the connection takes nothing for a while: a container's output stream stands in.
 */
class ClientSocketTest {

    /** A non-blocking output stream that records every write and flush, and takes nothing while not ready. */
    static final class FakeOutput extends ServletOutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> writes = new ArrayList<>();
        int flushes;
        boolean ready = true;
        boolean askedWhenNotReady;

        @Override
        public boolean isReady() {
            if (!ready) {
                askedWhenNotReady = true;
            }
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {}

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!ready) {
                throw new IllegalStateException("written while not ready");
            }
            bytes.write(b, off, len);
            writes.add(len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    private static final class NoInput extends ServletInputStream {
        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public void setReadListener(ReadListener readListener) {}

        @Override
        public int read() {
            return -1;
        }
    }

    private final FakeOutput out = new FakeOutput();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<SocketClosure> closures = new ArrayList<>();
    private ClientSocket socket;

    @BeforeEach
    void open() {
        socket = new ClientSocket();
        socket.prepare(
                1024,
                s -> new ClientSocket.Listener() {
                    @Override
                    public void closed(SocketClosure closure) {
                        closures.add(closure);
                    }
                },
                new ClientSocket.Threads(timer, Runnable::run));
        socket.init(new WebConnection() {
            @Override
            public ServletInputStream getInputStream() {
                return new NoInput();
            }

            @Override
            public ServletOutputStream getOutputStream() {
                return out;
            }

            @Override
            public void close() {}
        });
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static byte[] text(String text) {
        return Frames.text(text);
    }

    private static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            all.writeBytes(frame);
        }
        return all.toByteArray();
    }

    @Test
    void framesWrittenBeforeAFlushLeaveInOneWrite() {
        byte[] a = text("a");
        byte[] b = text("bb");
        byte[] c = text("ccc");

        assertTrue(socket.write(a));
        assertTrue(socket.write(b));
        assertTrue(socket.write(c));
        assertEquals(List.of(), out.writes, "nothing reaches the container before the flush");

        socket.flush();

        assertEquals(List.of(a.length + b.length + c.length), out.writes);
        assertEquals(1, out.flushes);
        assertArrayEquals(concat(a, b, c), out.bytes.toByteArray());
    }

    @Test
    void aFrameSentAtOnceGoesAfterTheWrittenOnes() {
        byte[] a = text("a");
        byte[] b = text("b");
        byte[] ack = text("ack");

        socket.write(a);
        socket.write(b);
        socket.send(ack);

        assertArrayEquals(concat(a, b, ack), out.bytes.toByteArray());
        socket.flush();
        assertArrayEquals(concat(a, b, ack), out.bytes.toByteArray(), "nothing is written twice");
    }

    @Test
    void whatTheConnectionDoesNotTakeWaitsInOrderUntilItDoes() {
        byte[] a = text("a");
        byte[] b = text("b");
        byte[] c = text("c");
        byte[] d = text("d");

        socket.write(a);
        socket.write(b);
        out.ready = false;
        socket.flush(); // queued: the container will say when it takes more
        assertTrue(out.askedWhenNotReady);
        socket.write(c); // behind the queued ones
        socket.send(d);
        assertEquals(0, out.bytes.size());

        out.ready = true;
        socket.onWritePossible();

        assertArrayEquals(concat(a, b, c, d), out.bytes.toByteArray());
        assertTrue(out.flushes > 0);
    }

    @Test
    void aClientTooFarBehindIsRefused() {
        out.ready = false;
        socket.send(text("first")); // queued
        int accepted = 0;
        while (socket.write(text("x")) && accepted < 10 * ClientSocket.MAX_QUEUED_FRAMES) {
            accepted++;
        }
        assertEquals(ClientSocket.MAX_QUEUED_FRAMES - 1, accepted);
    }

    @Test
    void manyGatheredFramesGoToTheContainerBeforeTheFlush() {
        for (int i = 0; i < ClientSocket.MAX_GATHERED_FRAMES; i++) {
            socket.write(text("x"));
        }
        assertEquals(1, out.writes.size(), "handed over without waiting for the flush");
        assertEquals(0, out.flushes, "but not flushed");
        socket.write(text("y"));
        socket.flush();
        assertEquals(2, out.writes.size());
        assertEquals(1, out.flushes);
    }

    @Test
    void aCloseGoesAfterWhatWasWritten() {
        byte[] a = text("a");
        socket.write(a);

        socket.close(CloseCode.NORMAL_CLOSURE, "bye");

        assertArrayEquals(concat(a, Frames.close(1000, "bye")), out.bytes.toByteArray());
        assertFalse(socket.write(text("late")), "nothing after the close frame");
    }

    @Test
    void anImmediateCloseDropsWhatWasWritten() {
        socket.write(text("a"));

        socket.closeNow(CloseCode.TRY_AGAIN_LATER, "behind");

        assertArrayEquals(Frames.close(1013, "behind"), out.bytes.toByteArray());
        assertEquals(1, closures.size());
    }
}
