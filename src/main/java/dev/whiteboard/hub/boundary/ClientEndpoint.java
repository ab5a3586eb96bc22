package dev.whiteboard.hub.boundary;

import dev.whiteboard.hub.Admission;
import dev.whiteboard.hub.ClientSessions;
import dev.whiteboard.hub.HubConnection;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client endpoint of the built-in hub: JSON subprotocol clients and plain WebSocket clients, at every form of
 * the client URL the service accepts, {@code /client/hubs/{hub}}, {@code /client/?hub={hub}} and {@code /client?hub=}
 * (see {@link HubEndpoints}). A thin boundary: each frame is handed to {@link ClientSessions}. Frames over 1 MB are
 * refused with 1009 (Too Big).
 * <p>A query cannot be part of a WebSocket path template, so the endpoint is registered once per form. It is a
 * programmatic endpoint because an annotated one has exactly one path and WebSocket annotations are not inherited
 * (Jakarta WebSocket §4.8): each form would be a class of its own re-declaring every callback.
 */
public class ClientEndpoint extends Endpoint {

    /** The largest frame a client may send, as on the service. */
    public static final int MAX_FRAME_BYTES = 1024 * 1024;
    private static final String CONNECTION = "whiteboard.hub.connection";
    private static final Logger LOG = Logger.getLogger(ClientEndpoint.class.getName());

    /**
     * Looked up rather than injected: the container creates a programmatic endpoint through its configurator, and
     * not every server injects into it. One instance per connection, so one look-up per admitted connection.
     */
    private ClientSessions sessions;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Object admission = session.getUserProperties().get(ClientHandshake.ADMISSION);
        Object hub = session.getUserProperties().get(ClientHandshake.HUB);
        if (!(admission instanceof Admission admitted) || !(hub instanceof String hubName)) {
            close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized"));
            return;
        }
        sessions = CDI.current().select(ClientSessions.class).get();
        session.setMaxIdleTimeout(0);
        // The container applies these to a message that comes in fragments; a single frame is checked below.
        session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
        // Anonymous classes, not lambdas: Tyrus finds a handler's message type (the pong's at least) by reflection.
        session.addMessageHandler(String.class, new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String text) {
                textFrame(session, text);
            }
        });
        session.addMessageHandler(ByteBuffer.class, new MessageHandler.Whole<ByteBuffer>() {
            @Override
            public void onMessage(ByteBuffer bytes) {
                binaryFrame(session, bytes);
            }
        });
        session.addMessageHandler(PongMessage.class, new MessageHandler.Whole<PongMessage>() {
            @Override
            public void onMessage(PongMessage pong) {
                connection(session).ifPresent(c -> sessions.onPong(c));
            }
        });
        if (admitted.recovery()) {
            Optional<HubConnection> recovered = sessions.resume(hubName, admitted, session);
            if (recovered.isEmpty()) {
                close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "the connection cannot be recovered"));
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

    private void textFrame(Session session, String text) {
        // UTF-8 takes at most three bytes per char, so only a long text needs counting
        if (text.length() > MAX_FRAME_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
            tooBig(session);
            return;
        }
        Thread thread = enterApplication();
        try {
            connection(session).ifPresent(c -> sessions.onText(c, text));
        } finally {
            leaveToPlatform(thread);
        }
    }

    private void binaryFrame(Session session, ByteBuffer bytes) {
        if (bytes.remaining() > MAX_FRAME_BYTES) {
            tooBig(session);
            return;
        }
        Thread thread = enterApplication();
        try {
            byte[] data = new byte[bytes.remaining()];
            bytes.get(data);
            connection(session).ifPresent(c -> sessions.onBinary(c, data));
        } finally {
            leaveToPlatform(thread);
        }
    }

    /**
     * A whole message handler added at run time has no size limit of its own ({@code @OnMessage(maxMessageSize)}
     * is for annotated endpoints), and Tyrus applies the session's buffer sizes only to fragmented messages: a
     * single frame over the limit is closed here, with the code the container uses.
     */
    private static void tooBig(Session session) {
        close(session, new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                "Message too long; allowed message size is " + MAX_FRAME_BYTES + " bytes."));
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

    @Override
    public void onClose(Session session, CloseReason reason) {
        connection(session).ifPresent(c -> sessions.socketClosed(c, session, reason.getReasonPhrase()));
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.FINE, "Client connection failed", failure);
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Client connection could not be closed", e);
        }
    }

    private static Optional<HubConnection> connection(Session session) {
        return Optional.ofNullable((HubConnection) session.getUserProperties().get(CONNECTION));
    }
}
