package dev.whiteboard.hub.session;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.hub.protocol.DataType;
import dev.whiteboard.hub.protocol.Payload;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;

/**
 * What one node of the built-in hub tells the others through Redis ({@link HubCluster}): a message for recipients
 * they hold, an operation of the REST API on connections they hold, a question, or the answer to one. Written as
 * compact JSON; read back strictly (a message of another version of the app that does not parse is logged and
 * dropped by the receiver).
 *
 * @param kind       what to do
 * @param origin     the node that sent it (it ignores its own messages on the channels it also subscribes)
 * @param hub        the hub (normalised)
 * @param target     the group, user or connection id the kind names; null for the whole hub
 * @param payload    the data of a send; null otherwise
 * @param fromUserId the user of the connection that sent a group message, or null
 * @param excluded   connection ids left out
 * @param filter     the OData filter of the REST call, applied by the receiving node; null for none
 * @param reason     why connections are closed; the {@code targetName} of a permission
 * @param groups     the groups of a join or leave; the permission's name ({@code sendToGroup}…) for permissions
 * @param askId      non-zero when the origin waits for an answer from every node
 * @param values     an answer's values
 */
record ClusterMessage(
        Kind kind,
        String origin,
        String hub,
        String target,
        Payload payload,
        String fromUserId,
        List<String> excluded,
        String filter,
        String reason,
        List<String> groups,
        long askId,
        List<String> values) {

    enum Kind {
        SEND_GROUP,
        SEND_USER,
        SEND_ALL,
        SEND_CONNECTION,
        CLOSE_CONNECTION,
        CLOSE_ALL,
        CLOSE_GROUP,
        CLOSE_USER,
        JOIN_CONNECTION,
        LEAVE_CONNECTION,
        LEAVE_ALL_CONNECTION,
        JOIN_USER,
        LEAVE_USER,
        LEAVE_ALL_USER,
        JOIN_FILTERED,
        LEAVE_FILTERED,
        GRANT,
        REVOKE,
        CHECK_PERMISSION,
        LIST_GROUP,
        ANSWER
    }

    ClusterMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        groups = groups == null ? List.of() : List.copyOf(groups);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** An operation or send without payload, answer or question. */
    static ClusterMessage of(Kind kind, String origin, String hub, String target) {
        return new ClusterMessage(kind, origin, hub, target, null, null, null, null, null, null, 0, null);
    }

    ClusterMessage withPayload(Payload data, String fromUser) {
        return new ClusterMessage(
                kind, origin, hub, target, data, fromUser, excluded, filter, reason, groups, askId, values);
    }

    ClusterMessage withExcluded(List<String> ids, String odata) {
        return new ClusterMessage(
                kind, origin, hub, target, payload, fromUserId, ids, odata, reason, groups, askId, values);
    }

    ClusterMessage withReason(String why) {
        return new ClusterMessage(
                kind, origin, hub, target, payload, fromUserId, excluded, filter, why, groups, askId, values);
    }

    ClusterMessage withGroups(List<String> names) {
        return new ClusterMessage(
                kind, origin, hub, target, payload, fromUserId, excluded, filter, reason, names, askId, values);
    }

    ClusterMessage asking(long id) {
        return new ClusterMessage(
                kind, origin, hub, target, payload, fromUserId, excluded, filter, reason, groups, id, values);
    }

    /** The answer of node {@code from} to this question. */
    ClusterMessage answer(String from, List<String> answerValues) {
        return new ClusterMessage(
                Kind.ANSWER, from, hub, origin, null, null, null, null, null, null, askId, answerValues);
    }

    String write() {
        JsonObjectBuilder json =
                JSON.createObjectBuilder().add("k", kind.name()).add("o", origin);
        optional(json, "h", hub);
        optional(json, "t", target);
        if (payload != null) {
            json.add("dt", payload.type().name()).add("d", payload.data());
        }
        optional(json, "f", fromUserId);
        list(json, "x", excluded);
        optional(json, "q", filter);
        optional(json, "r", reason);
        list(json, "g", groups);
        if (askId != 0) {
            json.add("a", askId);
        }
        list(json, "v", values);
        return json.build().toString();
    }

    /** Reads a message {@link #write} wrote; an IllegalArgumentException (or a JSON-P exception) when it is not one. */
    static ClusterMessage read(String text) {
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        Payload payload = null;
        if (json.containsKey("dt")) {
            // the enum's name: fromWire knows only what a JSON client may send, not protobuf
            payload = new Payload(DataType.valueOf(json.getString("dt")), json.get("d"));
        }
        return new ClusterMessage(
                Kind.valueOf(json.getString("k")),
                json.getString("o"),
                json.getString("h", null),
                json.getString("t", null),
                payload,
                json.getString("f", null),
                strings(json, "x"),
                json.getString("q", null),
                json.getString("r", null),
                strings(json, "g"),
                json.containsKey("a") ? json.getJsonNumber("a").longValueExact() : 0,
                strings(json, "v"));
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static void list(JsonObjectBuilder json, String name, List<String> values) {
        if (!values.isEmpty()) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            values.forEach(array::add);
            json.add(name, array);
        }
    }

    private static List<String> strings(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null) {
            return List.of();
        }
        return ((JsonArray) value)
                .stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
