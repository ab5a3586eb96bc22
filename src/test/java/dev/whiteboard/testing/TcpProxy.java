package dev.whiteboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on loopback that a test can cut and restore, to take a real service (a database) away
 * from the server under test and give it back: {@link #cut()} closes every forwarded connection and stops
 * listening, so new connections are refused; {@link #restore()} listens on the same port again.
 * <p>{@link #freeze()} is a peer that went silent without closing anything (a laptop asleep, a NAT that forgot the
 * connection): the connections stay open but what they carry is dropped, and a side that closes meanwhile is not
 * passed on to the other. {@link #unfreeze()} forwards again; a connection whose other side went away meanwhile
 * breaks as soon as its peer sends something on it, as a host answers a connection it no longer knows with a reset.
 */
public final class TcpProxy implements AutoCloseable {

    private volatile InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket listener;
    private final AtomicInteger closedByTarget = new AtomicInteger();
    private volatile boolean frozen;
    /** How many times the connections were cut; a pump stops forwarding when it changes. */
    private volatile int cuts;

    public TcpProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.port = listen(0);
    }

    /**
     * A proxy whose port is known before its target is (a server that is given the proxy's address in its
     * configuration): connections are refused until {@link #forwardTo} names the target.
     */
    TcpProxy() {
        this.port = listen(0);
    }

    /** Forwards the connections made from now on to {@code targetHost:targetPort}. */
    void forwardTo(String targetHost, int targetPort) {
        target = new InetSocketAddress(targetHost, targetPort);
    }

    public int port() {
        return port;
    }

    /**
     * Cuts every connection at once, as a network that goes away: nothing more passes either way, not even what a
     * peer sends in answer to the cut. (Closing a socket that another thread reads lets that read still return what
     * arrives meanwhile: the JDK's WebSocket client answers the end of its input with a close frame, which would then
     * have reached the server as a clean close.)
     */
    public synchronized void cut() {
        cuts++;
        closeQuietly(listener);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /**
     * Keeps every connection open but passes nothing any more, not even a close: a peer that vanished without
     * closing.
     */
    public void freeze() {
        frozen = true;
    }

    /**
     * Forwards again. What was sent while frozen is lost; a connection whose other side closed meanwhile breaks at
     * the next bytes its peer sends.
     */
    public void unfreeze() {
        frozen = false;
    }

    /**
     * How many forwarded WebSocket connections (upgraded: the target answered {@code 101}) the target closed, e.g.
     * a server that gave up on a silent client.
     */
    public int webSocketsClosedByTarget() {
        return closedByTarget.get();
    }

    public synchronized void restore() {
        if (listener == null || listener.isClosed()) {
            listen(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private int listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            listener = socket;
            Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (target == null) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                // listener closed by cut(), or the target refused: the client sees its connection closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromTarget) {
        int generation = cuts;
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    boolean upgraded = false;
                    try {
                        InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream();
                        boolean first = true;
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            if (first) {
                                upgraded = new String(buffer, 0, Math.min(n, 12), StandardCharsets.ISO_8859_1)
                                        .equals("HTTP/1.1 101");
                                first = false;
                            }
                            if (cuts != generation) {
                                break; // read while being cut: the network is gone
                            }
                            if (!frozen) {
                                out.write(buffer, 0, n); // fails when the other side closed (while frozen)
                                out.flush();
                            }
                        }
                        if (fromTarget && upgraded && cuts == generation) {
                            closedByTarget.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // one side went away
                    } finally {
                        closeQuietly(from);
                        open.remove(from);
                        if (!frozen) { // a frozen peer hears nothing, not even that the other side closed
                            closeQuietly(to);
                            open.remove(to);
                        }
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
