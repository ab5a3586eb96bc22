package dev.whiteboard.hub.boundary;

import dev.whiteboard.hub.Admission;
import dev.whiteboard.hub.ClientSessions;
import dev.whiteboard.hub.HubConnection;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client endpoint of the built-in hub: JSON subprotocol clients and plain WebSocket clients, at both forms of
 * the client URL the service accepts, {@code /client/hubs/{hub}} ({@link HubInPath}) and {@code /client/?hub={hub}}
 * ({@link HubInQuery}, and {@link HubInQueryWithoutSlash} for {@code /client?hub=}). A thin boundary: each callback
 * hands the frame to {@link ClientSessions}. Frames over 1 MB are closed with 1009 (Too Big): by this endpoint up to
 * twice that, beyond it by the container ({@link #CONTAINER_FRAME_BYTES}).
 * <p>A query cannot be part of a WebSocket path template, hence one endpoint per form; and WebSocket annotations
 * are not inherited (Jakarta WebSocket §4.8), so each form only re-declares the callbacks and hands them here.
 * One programmatic endpoint registered for the three paths was tried (branch {@code endpoint-dedupe}): it doubled
 * the p99 of the fan-out benchmark (B1) on Payara, so the repetition stays.
 */
public abstract class ClientEndpoint {

    /** The largest frame a client may send, as on the service. */
    public static final int MAX_FRAME_BYTES = 1024 * 1024;
    /**
     * The container's own limit, above {@link #MAX_FRAME_BYTES}, so that the endpoint itself refuses a frame over the
     * hub's limit with a proper 1009 close on every server. Undertow (WildFly) cannot: it reports a frame over the
     * container's limit as an error and drops the TCP connection without a close frame ({@link #failed}). Tyrus
     * closes those with 1009 itself.
     */
    static final int CONTAINER_FRAME_BYTES = 2 * MAX_FRAME_BYTES;
    private static final String CONNECTION = "whiteboard.hub.connection";
    private static final Logger LOG = Logger.getLogger(ClientEndpoint.class.getName());

    @Inject
    ClientSessions sessions;

    protected final void opened(Session session) throws IOException {
        Object admission = session.getUserProperties().get(ClientHandshake.ADMISSION);
        Object hub = session.getUserProperties().get(ClientHandshake.HUB);
        if (!(admission instanceof Admission admitted) || !(hub instanceof String hubName)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized"));
            return;
        }
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(CONTAINER_FRAME_BYTES);
        session.setMaxBinaryMessageBufferSize(CONTAINER_FRAME_BYTES);
        if (admitted.recovery()) {
            Optional<HubConnection> recovered = sessions.resume(hubName, admitted, session);
            if (recovered.isEmpty()) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "the connection cannot be recovered"));
                return;
            }
            session.getUserProperties().put(CONNECTION, recovered.get());
            return;
        }
        String subprotocol = session.getNegotiatedSubprotocol();
        HubConnection.Kind kind = HandshakeRequests.RELIABLE_SUBPROTOCOL.equals(subprotocol) ? HubConnection.Kind.RELIABLE
                : HandshakeRequests.JSON_SUBPROTOCOL.equals(subprotocol) ? HubConnection.Kind.JSON : HubConnection.Kind.PLAIN;
        session.getUserProperties().put(CONNECTION, sessions.open(hubName, admitted, kind, session));
    }

    protected final void textFrame(Session session, String text) {
        Thread thread = enterApplication();
        try {
            connection(session).ifPresent(c -> {
                if (utf8Length(text) > MAX_FRAME_BYTES) {
                    c.close(CloseReason.CloseCodes.TOO_BIG, "frame over " + MAX_FRAME_BYTES + " bytes");
                } else {
                    sessions.onText(c, text);
                }
            });
        } finally {
            leaveToPlatform(thread);
        }
    }

    protected final void binaryFrame(Session session, ByteBuffer bytes) {
        Thread thread = enterApplication();
        try {
            if (bytes.remaining() > MAX_FRAME_BYTES) {
                connection(session).ifPresent(c ->
                        c.close(CloseReason.CloseCodes.TOO_BIG, "frame over " + MAX_FRAME_BYTES + " bytes"));
                return;
            }
            byte[] data = new byte[bytes.remaining()];
            bytes.get(data);
            connection(session).ifPresent(c -> sessions.onBinary(c, data));
        } finally {
            leaveToPlatform(thread);
        }
    }

    /**
     * The frame's size in UTF-8, counted only when it could be over the limit (a char is 1 to 3 bytes, a surrogate
     * pair 4); below that the number of chars, which is then under the limit too.
     */
    static int utf8Length(String text) {
        if (text.length() <= MAX_FRAME_BYTES / 3) {
            return text.length();
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The frame is handled with the application's class loader as the thread's context loader. */
    private static Thread enterApplication() {
        Thread thread = Thread.currentThread();
        thread.setContextClassLoader(ClientEndpoint.class.getClassLoader());
        return thread;
    }

    /**
     * After a frame, the reading thread goes back to the container with the platform loader as its context loader
     * (deliberately not the one it came with). Tyrus on Payara restarts the session's idle-timeout task after every
     * frame it delivers, and Payara's concurrency runtime scans the context loader's class path for service
     * providers for each task it schedules: with the application's loader that scan was the largest cost of every
     * received frame (B1: 100 receivers went from 31k to 60k deliveries/s). See also {@code Outbox#start}.
     */
    private static void leaveToPlatform(Thread thread) {
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    }

    protected final void pongFrame(Session session) {
        connection(session).ifPresent(sessions::onPong);
    }

    protected final void socketClosed(Session session, CloseReason reason) {
        connection(session).ifPresent(c -> sessions.socketClosed(c, session, reason.getReasonPhrase()));
    }

    /**
     * A frame the container could not take. Tyrus closes a connection whose frame is over {@code maxMessageSize}
     * with 1009 by itself; Undertow (WildFly) reports it here as an {@link IOException} with the session still open
     * and then drops the TCP connection. The endpoint asks for a 1009 close first, though Undertow may drop the
     * connection before that close frame is out: frames up to {@link #CONTAINER_FRAME_BYTES} never come here.
     */
    protected final void failed(Session session, Throwable failure) {
        LOG.log(Level.FINE, "Client connection failed", failure);
        if (failure instanceof IOException && session.isOpen()) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "frame over " + MAX_FRAME_BYTES + " bytes"));
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Could not close a failed client connection", e);
            }
        }
    }

    private static Optional<HubConnection> connection(Session session) {
        return Optional.ofNullable((HubConnection) session.getUserProperties().get(CONNECTION));
    }

    /** {@code /client/hubs/{hub}}: the form the SDKs build. */
    @ServerEndpoint(value = "/client/hubs/{hub}",
            subprotocols = {HandshakeRequests.RELIABLE_SUBPROTOCOL, HandshakeRequests.JSON_SUBPROTOCOL},
            configurator = ClientHandshake.class)
    public static class HubInPath extends ClientEndpoint {

        @OnOpen
        public void open(Session session) throws IOException {
            opened(session);
        }

        @OnMessage(maxMessageSize = CONTAINER_FRAME_BYTES)
        public void text(Session session, String text) {
            textFrame(session, text);
        }

        @OnMessage(maxMessageSize = CONTAINER_FRAME_BYTES)
        public void binary(Session session, ByteBuffer bytes) {
            binaryFrame(session, bytes);
        }

        @OnMessage
        public void pong(Session session, PongMessage pong) {
            pongFrame(session);
        }

        @OnClose
        public void close(Session session, CloseReason reason) {
            socketClosed(session, reason);
        }

        @OnError
        public void error(Session session, Throwable failure) {
            failed(session, failure);
        }
    }

    /** {@code /client/?hub={hub}}: the hub in the query. */
    @ServerEndpoint(value = "/client/",
            subprotocols = {HandshakeRequests.RELIABLE_SUBPROTOCOL, HandshakeRequests.JSON_SUBPROTOCOL},
            configurator = ClientHandshake.class)
    public static class HubInQuery extends ClientEndpoint {

        @OnOpen
        public void open(Session session) throws IOException {
            opened(session);
        }

        @OnMessage(maxMessageSize = CONTAINER_FRAME_BYTES)
        public void text(Session session, String text) {
            textFrame(session, text);
        }

        @OnMessage(maxMessageSize = CONTAINER_FRAME_BYTES)
        public void binary(Session session, ByteBuffer bytes) {
            binaryFrame(session, bytes);
        }

        @OnMessage
        public void pong(Session session, PongMessage pong) {
            pongFrame(session);
        }

        @OnClose
        public void close(Session session, CloseReason reason) {
            socketClosed(session, reason);
        }

        @OnError
        public void error(Session session, Throwable failure) {
            failed(session, failure);
        }
    }

    /** {@code /client?hub={hub}}: the same without the slash (a different path to the container). */
    @ServerEndpoint(value = "/client",
            subprotocols = {HandshakeRequests.RELIABLE_SUBPROTOCOL, HandshakeRequests.JSON_SUBPROTOCOL},
            configurator = ClientHandshake.class)
    public static class HubInQueryWithoutSlash extends ClientEndpoint {

        @OnOpen
        public void open(Session session) throws IOException {
            opened(session);
        }

        @OnMessage(maxMessageSize = CONTAINER_FRAME_BYTES)
        public void text(Session session, String text) {
            textFrame(session, text);
        }

        @OnMessage(maxMessageSize = CONTAINER_FRAME_BYTES)
        public void binary(Session session, ByteBuffer bytes) {
            binaryFrame(session, bytes);
        }

        @OnMessage
        public void pong(Session session, PongMessage pong) {
            pongFrame(session);
        }

        @OnClose
        public void close(Session session, CloseReason reason) {
            socketClosed(session, reason);
        }

        @OnError
        public void error(Session session, Throwable failure) {
            failed(session, failure);
        }
    }
}
