package dev.whiteboard.hub.session;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.access.ClientClaims;
import dev.whiteboard.hub.access.Permissions;
import dev.whiteboard.hub.access.Permissions.Action;
import dev.whiteboard.hub.protocol.ClientFrame;
import dev.whiteboard.hub.protocol.ClientFrameDecoder;
import dev.whiteboard.hub.protocol.FrameException;
import dev.whiteboard.hub.protocol.JsonWire;
import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.hub.protocol.ServerFrames;
import dev.whiteboard.hub.protocol.Subprotocol;
import dev.whiteboard.hub.socket.ClientSocket;
import dev.whiteboard.hub.socket.CloseCode;
import dev.whiteboard.hub.socket.SocketClosure;
import dev.whiteboard.hub.upstream.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens on a client connection, independent of its socket: opening it (the
 * {@code connected} frame and the token's groups), each frame a PubSub client sends, JSON or protobuf alike once
 * decoded (permissions, acks and duplicates, fan-out), and closing it.
 */
@ApplicationScoped
public class ClientSessions {

    private static final Logger LOG = Logger.getLogger(ClientSessions.class.getName());

    /** How long a reliable connection waits for its client to recover it. */
    public static final int RECOVERY_SECONDS = 30;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Hub hub;

    @Inject
    HubSettings settings;

    @Inject
    Upstream upstream;

    /**
     * Admits a client whose token was verified: names its connection and, when the event handler takes
     * {@code connect}, asks it (blocking, bounded), which may refuse the client or change who it is.
     */
    public Admission admit(
            String hubName,
            ClientClaims claims,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            List<String> subprotocols)
            throws HandshakeRefusedException {
        String connectionId = newConnectionId();
        Upstream.ConnectDecision decision = Upstream.ConnectDecision.accept();
        if (settings.handlesSystemEvent(hubName, "connect")) {
            decision = upstream.connect(
                    HubSettings.normalise(hubName), connectionId, claims, query, headers, subprotocols);
            if (!decision.accepted()) {
                throw new HandshakeRefusedException(decision.refusedStatus(), decision.refusal());
            }
        }
        return Admission.of(connectionId, claims, decision);
    }

    /**
     * Admits a reliable client's recovery when {@code connectionId} names a live reliable connection of the hub on the
     * subprotocol the client negotiates again and the token is its reconnection token; otherwise the admission says
     * the recovery is impossible.
     */
    public Admission admitRecovery(
            String hubName, String connectionId, String reconnectionToken, Optional<Subprotocol> subprotocol) {
        return hub.connection(hubName, connectionId)
                .filter(c -> c.kind() == HubConnection.Kind.RELIABLE
                        && c.protocol().equals(subprotocol)
                        && !c.ended()
                        && c.acceptsReconnection(reconnectionToken))
                .map(c -> Admission.recovery(c.id()))
                .orElse(Admission.recovery(""));
    }

    /** Puts a recovered connection on its new socket and replays what the client has not acknowledged. */
    public Optional<HubConnection> resume(String hubName, Admission admission, ClientSocket socket) {
        Optional<HubConnection> connection =
                hub.connection(hubName, admission.connectionId()).filter(c -> !c.ended() && admission.recoverable());
        connection.ifPresent(c -> c.attach(socket));
        return connection;
    }

    /**
     * Registers an admitted connection speaking {@code subprotocol} (none: a plain client); PubSub clients get their
     * {@code connected} message, the handler its event.
     */
    public HubConnection open(
            String hubName, Admission admission, Optional<Subprotocol> subprotocol, ClientSocket socket) {
        String reconnectionToken =
                subprotocol.filter(Subprotocol::reliable).isPresent() ? newConnectionId() + newConnectionId() : null;
        HubConnection connection = new HubConnection(
                admission.connectionId(),
                HubSettings.normalise(hubName),
                admission.userId(),
                subprotocol,
                new Permissions(admission.roles()),
                socket,
                reconnectionToken,
                settings.maxFramesPerSecond(),
                admission.connectionState());
        hub.add(connection);
        // in its groups before it hears it is connected: nothing published after that can miss it
        admission.groups().stream()
                .filter(ClientFrameDecoder::isValidGroup)
                .forEach(group -> hub.join(connection, group));
        connection.sendFrame(
                wire -> wire.connected(connection.id(), admission.userId().orElse(null), reconnectionToken));
        if (settings.handlesSystemEvent(connection.hub(), "connected")) {
            upstream.connected(connection);
        }
        return connection;
    }

    /**
     * Handles one text frame: a protocol message from a JSON client, a {@code message} event from a plain one. Text
     * frames are not part of the protobuf subprotocols: 1003, as the service closes on a frame of the wrong kind.
     */
    public void onText(HubConnection connection, String text) {
        connection.touch();
        if (!withinBudget(connection)) {
            return;
        }
        Optional<Subprotocol> protocol = connection.protocol();
        if (protocol.isEmpty()) {
            plainMessage(connection, Payload.text(text));
        } else if (protocol.get().format().binaryFrames()) {
            connection.close(CloseCode.CANNOT_ACCEPT, "text frames are not part of the protobuf subprotocols");
        } else {
            decoded(connection, () -> JsonWire.INSTANCE.decode(text));
        }
    }

    /**
     * Handles one binary frame: a protocol message from a protobuf client, a {@code message} event from a plain one.
     * Binary frames are not part of the JSON subprotocols: 1003.
     */
    public void onBinary(HubConnection connection, byte[] bytes) {
        connection.touch();
        if (!withinBudget(connection)) {
            return;
        }
        Optional<Subprotocol> protocol = connection.protocol();
        if (protocol.isEmpty()) {
            plainMessage(connection, Payload.binary(bytes));
        } else if (!protocol.get().format().binaryFrames()) {
            connection.close(CloseCode.CANNOT_ACCEPT, "binary frames are not part of the JSON subprotocols");
        } else {
            decoded(connection, () -> protocol.get().format().decode(bytes));
        }
    }

    /** Reads a frame of a PubSub client into a message and carries it out, or tells the client what is wrong. */
    private void decoded(HubConnection connection, Decoding decoding) {
        ClientFrame frame;
        try {
            frame = decoding.decode();
        } catch (FrameException e) {
            if (e.ackId().isPresent()) {
                connection.sendFrame(wire -> wire.ackError(e.ackId().get(), ServerFrames.BAD_REQUEST, e.getMessage()));
            } else {
                LOG.log(Level.INFO, "Closing connection {0} (1007): malformed frame: {1}", new Object[] {
                    connection.id(), e.getMessage()
                });
                connection.close(CloseCode.NOT_CONSISTENT, "malformed frame: " + e.getMessage());
            }
            return;
        }
        handle(connection, frame);
    }

    @FunctionalInterface
    private interface Decoding {
        ClientFrame decode() throws FrameException;
    }

    /**
     * A plain client's frame is the user event {@code message}; the handler's reply goes back as a frame. Without a
     * handler, or when it fails, the connection is closed (1011), as the service does.
     */
    private void plainMessage(HubConnection connection, Payload payload) {
        if (!settings.handlesUserEvent(connection.hub(), "message")) {
            connection.close(CloseCode.UNEXPECTED_CONDITION, "no event handler takes messages from plain clients");
            return;
        }
        upstream.userEvent(connection, "message", payload).whenComplete((reply, failure) -> {
            if (failure != null) {
                connection.close(CloseCode.UNEXPECTED_CONDITION, "the event handler failed");
            } else {
                reply.payload().ifPresent(p -> hub.reply(connection, p));
            }
        });
    }

    public void onPong(HubConnection connection) {
        connection.touch();
    }

    /**
     * Bytes arrived from the client (any, a part of a frame too): it is alive. A client sending a large message, or
     * whose pong is queued behind megabytes of its own frames, is not silent while they are being read.
     */
    public void onHeard(HubConnection connection) {
        connection.touch();
    }

    /**
     * A socket closed. A client that sent a close frame has left on purpose, whatever its code: its connection ends at
     * once, reliable or not (the handler gets {@code disconnected} with the reason of the client's close frame, often
     * empty, and the reconnection token is worth nothing from now on). A reliable connection whose socket went away
     * otherwise (lost without a close frame, or closed by the hub without ending the connection: keep-alive) waits
     * {@value #RECOVERY_SECONDS} s for its client to come back; any other connection ends. The close of a socket a
     * connection no longer uses changes nothing.
     */
    public void socketClosed(HubConnection connection, ClientSocket socket, SocketClosure closure) {
        if (!connection.uses(socket)) {
            return;
        }
        if (connection.kind() == HubConnection.Kind.RELIABLE && !connection.ended() && !closure.byClient()) {
            connection.detachFrom(socket);
            return;
        }
        closed(connection, closure.reason());
    }

    /**
     * A client that floods the hub far beyond its budget ({@code whiteboard.hub.max-frames-per-second}) is closed
     * with 1008 rather than allowed to take the others' share.
     */
    private boolean withinBudget(HubConnection connection) {
        if (connection.withinBudget()) {
            return true;
        }
        if (!connection.ended()) {
            connection.close(
                    CloseCode.VIOLATED_POLICY,
                    "too many frames: at most " + settings.maxFramesPerSecond() + " per second");
        }
        return false;
    }

    /**
     * The server ends the connection (the REST API's close): a JSON client is told why, and it cannot be recovered
     * with its reconnection token. A reliable connection waiting for its client to come back ends at once (its
     * socket is gone already, so no socket close would end it): it leaves the hub, and the handler gets
     * {@code disconnected} with this reason.
     */
    public void closeByServer(HubConnection connection, String reason) {
        connection.close(CloseCode.NORMAL_CLOSURE, reason);
        if (connection.detachedAt().isPresent()) {
            closed(connection, reason);
        }
    }

    /** The connection has ended: it leaves the hub, and the handler gets {@code disconnected} (once). */
    public void closed(HubConnection connection, String reason) {
        if (hub.remove(connection) && settings.handlesSystemEvent(connection.hub(), "disconnected")) {
            upstream.disconnected(connection, reason);
        }
    }

    /** Ends the detached reliable connections whose client did not come back in time (or that overflowed). */
    void expireDetached() {
        Instant deadline = Instant.now().minusSeconds(RECOVERY_SECONDS);
        for (HubConnection connection : List.copyOf(hub.all())) {
            if (connection
                    .detachedAt()
                    .filter(at -> connection.ended() || at.isBefore(deadline))
                    .isPresent()) {
                closed(
                        connection,
                        connection.ended()
                                ? "too many unacknowledged messages"
                                : "the client did not come back within " + RECOVERY_SECONDS + " s");
            }
        }
    }

    private void handle(HubConnection connection, ClientFrame frame) {
        if (frame instanceof ClientFrame.Ping) {
            connection.sendFrame(wire -> wire.pong());
            return;
        }
        if (frame instanceof ClientFrame.SequenceAck ack) {
            connection.acknowledge(ack.sequenceId());
            return;
        }
        Optional<Long> ackId = frame.ackId();
        if (ackId.isPresent() && connection.alreadyProcessed(ackId.get())) {
            connection.sendFrame(wire -> wire.ackError(
                    ackId.get(), ServerFrames.DUPLICATE, "message with ackId " + ackId.get() + " has been processed"));
            return;
        }
        if (frame instanceof ClientFrame.Event event && settings.handlesUserEvent(connection.hub(), event.event())) {
            forward(connection, event);
            return;
        }
        Optional<String> refusal = carryOut(connection, frame);
        ackId.ifPresent(id -> {
            if (refusal.isEmpty()) {
                connection.processed(id);
                connection.sendFrame(wire -> wire.ack(id));
            } else {
                String name = frame instanceof ClientFrame.Event
                        ? ServerFrames.INTERNAL_SERVER_ERROR
                        : ServerFrames.FORBIDDEN;
                connection.sendFrame(wire -> wire.ackError(id, name, refusal.get()));
            }
        });
    }

    /**
     * Passes an {@code event} to the handler; its reply (if any) reaches the client before the ack. A failed call
     * gets an {@code InternalServerError} ack and the connection stays (the emulator's choice; see the README).
     */
    private void forward(HubConnection connection, ClientFrame.Event event) {
        upstream.userEvent(connection, event.event(), event.payload()).whenComplete((reply, failure) -> {
            if (failure == null) {
                reply.payload().ifPresent(p -> hub.reply(connection, p));
            }
            event.ackId().ifPresent(id -> {
                if (failure == null) {
                    connection.processed(id);
                    connection.sendFrame(wire -> wire.ack(id));
                } else {
                    connection.sendFrame(wire -> wire.ackError(
                            id,
                            ServerFrames.INTERNAL_SERVER_ERROR,
                            "the event handler failed: " + rootMessage(failure)));
                }
            });
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Does what the frame asks if the connection may; returns why not otherwise. */
    private Optional<String> carryOut(HubConnection connection, ClientFrame frame) {
        if (frame instanceof ClientFrame.JoinGroup join) {
            Optional<String> refusal = allowed(connection, Action.JOIN_LEAVE, join.group());
            if (refusal.isEmpty()) {
                hub.join(connection, join.group());
            }
            return refusal;
        }
        if (frame instanceof ClientFrame.LeaveGroup leave) {
            Optional<String> refusal = allowed(connection, Action.JOIN_LEAVE, leave.group());
            if (refusal.isEmpty()) {
                hub.leave(connection, leave.group());
            }
            return refusal;
        }
        if (frame instanceof ClientFrame.SendToGroup send) {
            Optional<String> refusal = allowed(connection, Action.SEND, send.group());
            if (refusal.isEmpty()) {
                hub.sendToGroup(
                        connection.hub(),
                        send.group(),
                        send.payload(),
                        Optional.of(connection),
                        send.noEcho(),
                        List.of(),
                        null);
            }
            return refusal;
        }
        if (frame instanceof ClientFrame.Event event) {
            return Optional.of("no event handler takes the event '" + event.event() + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> allowed(HubConnection connection, Action action, String group) {
        return connection.permissions().allows(action, group)
                ? Optional.empty()
                : Optional.of("no permission to " + (action == Action.SEND ? "send to" : "join or leave") + " group '"
                        + group + "'");
    }

    private static String newConnectionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
