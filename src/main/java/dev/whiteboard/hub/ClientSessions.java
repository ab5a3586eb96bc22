package dev.whiteboard.hub;

import dev.whiteboard.hub.Permissions.Action;
import dev.whiteboard.hub.protocol.ClientFrame;
import dev.whiteboard.hub.protocol.ClientFrameDecoder;
import dev.whiteboard.hub.protocol.FrameException;
import dev.whiteboard.hub.protocol.ServerFrames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What happens on a client connection, independent of the WebSocket API's callbacks: opening it (the
 * {@code connected} frame and the token's groups), each frame a JSON client sends (permissions, acks and
 * duplicates, fan-out), and closing it.
 */
@ApplicationScoped
public class ClientSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Hub hub;

    /** Registers a new connection whose token was verified; JSON clients get their {@code connected} frame. */
    public HubConnection open(String hubName, ClientClaims claims, HubConnection.Kind kind, Session session) {
        HubConnection connection = new HubConnection(newConnectionId(), Hub.normalise(hubName), claims.userId(), kind,
                new Permissions(claims.roles()), new Outbox(session));
        hub.add(connection);
        connection.sendFrame(ServerFrames.connected(connection.id(), claims.userId().orElse(null), null));
        claims.groups().stream().filter(ClientFrameDecoder::isValidGroup).forEach(group -> hub.join(connection, group));
        return connection;
    }

    /** Handles one text frame of a JSON client. */
    public void onText(HubConnection connection, String text) {
        connection.touch();
        if (connection.kind() == HubConnection.Kind.PLAIN) {
            connection.close(CloseCodes.UNEXPECTED_CONDITION, "no event handler takes messages from plain clients");
            return;
        }
        ClientFrame frame;
        try {
            frame = ClientFrameDecoder.decode(text);
        } catch (FrameException e) {
            if (e.ackId().isPresent()) {
                connection.sendFrame(ServerFrames.ackError(e.ackId().get(), ServerFrames.BAD_REQUEST, e.getMessage()));
            } else {
                connection.close(CloseCodes.NOT_CONSISTENT, "malformed frame: " + e.getMessage());
            }
            return;
        }
        handle(connection, frame);
    }

    /** Binary frames are not part of the JSON subprotocols (and plain clients have no event handler yet). */
    public void onBinary(HubConnection connection) {
        connection.touch();
        if (connection.kind() == HubConnection.Kind.JSON) {
            connection.close(CloseCodes.CANNOT_ACCEPT, "binary frames are not part of " + "json.webpubsub.azure.v1");
        } else {
            connection.close(CloseCodes.UNEXPECTED_CONDITION, "no event handler takes messages from plain clients");
        }
    }

    public void onPong(HubConnection connection) {
        connection.touch();
    }

    public void closed(HubConnection connection) {
        hub.remove(connection);
    }

    private void handle(HubConnection connection, ClientFrame frame) {
        if (frame instanceof ClientFrame.Ping) {
            connection.sendFrame(ServerFrames.pong());
            return;
        }
        if (frame instanceof ClientFrame.SequenceAck) {
            return; // only meaningful on the reliable subprotocol
        }
        Optional<Long> ackId = frame.ackId();
        if (ackId.isPresent() && connection.alreadyProcessed(ackId.get())) {
            connection.sendFrame(ServerFrames.ackError(ackId.get(), ServerFrames.DUPLICATE,
                    "message with ackId " + ackId.get() + " has been processed"));
            return;
        }
        Optional<String> refusal = carryOut(connection, frame);
        ackId.ifPresent(id -> {
            if (refusal.isEmpty()) {
                connection.processed(id);
                connection.sendFrame(ServerFrames.ack(id));
            } else {
                String name = frame instanceof ClientFrame.Event ? ServerFrames.INTERNAL_SERVER_ERROR : ServerFrames.FORBIDDEN;
                connection.sendFrame(ServerFrames.ackError(id, name, refusal.get()));
            }
        });
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
                hub.sendToGroup(connection.hub(), send.group(), send.payload(),
                        Optional.of(connection), send.noEcho(), member -> false);
            }
            return refusal;
        }
        if (frame instanceof ClientFrame.Event event) {
            return Optional.of("no event handler is configured for event '" + event.event() + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> allowed(HubConnection connection, Action action, String group) {
        return connection.permissions().allows(action, group) ? Optional.empty()
                : Optional.of("no permission to " + (action == Action.SEND ? "send to" : "join or leave") + " group '"
                        + group + "'");
    }

    private static String newConnectionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Closes a connection from the server side with a reason (REST close, keep-alive expiry). */
    public void close(HubConnection connection, CloseReason.CloseCode code, String reason) {
        connection.close(code, reason);
    }
}
