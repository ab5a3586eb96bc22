package dev.whiteboard.hub.protocol;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import jakarta.json.JsonObjectBuilder;

/**
 * Writes the frames the hub sends on the JSON subprotocols. Absent values are left out rather than written as
 * {@code null} (the Java client would read {@code "null"}); every data message carries {@code dataType}.
 */
public final class ServerFrames {

    /** Ack error names clients know. */
    public static final String FORBIDDEN = "Forbidden";

    public static final String DUPLICATE = "Duplicate";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String INTERNAL_SERVER_ERROR = "InternalServerError";

    private ServerFrames() {}

    public static String connected(String connectionId, String userId, String reconnectionToken) {
        JsonObjectBuilder frame = JSON.createObjectBuilder()
                .add("type", "system")
                .add("event", "connected")
                .add("connectionId", connectionId);
        if (userId != null) {
            frame.add("userId", userId);
        }
        if (reconnectionToken != null) {
            frame.add("reconnectionToken", reconnectionToken);
        }
        return frame.build().toString();
    }

    public static String disconnected(String message) {
        return JSON.createObjectBuilder()
                .add("type", "system")
                .add("event", "disconnected")
                .add("message", message == null ? "" : message)
                .build()
                .toString();
    }

    public static String ack(long ackId) {
        return JSON.createObjectBuilder()
                .add("type", "ack")
                .add("ackId", ackId)
                .add("success", true)
                .build()
                .toString();
    }

    public static String ackError(long ackId, String name, String message) {
        return JSON.createObjectBuilder()
                .add("type", "ack")
                .add("ackId", ackId)
                .add("success", false)
                .add("error", JSON.createObjectBuilder().add("name", name).add("message", message))
                .build()
                .toString();
    }

    /** A message published to {@code group}; {@code fromUserId} and {@code sequenceId} only when known. */
    public static String groupMessage(String group, String fromUserId, Payload payload, Long sequenceId) {
        JsonObjectBuilder frame = JSON.createObjectBuilder()
                .add("type", "message")
                .add("from", "group")
                .add("group", group);
        if (fromUserId != null) {
            frame.add("fromUserId", fromUserId);
        }
        return data(frame, payload, sequenceId);
    }

    /** A message from the server (the REST API, or the app's reply to an event). */
    public static String serverMessage(Payload payload, Long sequenceId) {
        return data(JSON.createObjectBuilder().add("type", "message").add("from", "server"), payload, sequenceId);
    }

    public static String pong() {
        return "{\"type\":\"pong\"}";
    }

    private static String data(JsonObjectBuilder frame, Payload payload, Long sequenceId) {
        frame.add("dataType", payload.type().wireName()).add("data", payload.data());
        if (sequenceId != null) {
            frame.add("sequenceId", sequenceId);
        }
        return frame.build().toString();
    }
}
