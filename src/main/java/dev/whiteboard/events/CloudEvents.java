package dev.whiteboard.events;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a CloudEvent in HTTP binary mode, as the Web PubSub service sends it: the attributes in {@code ce-*}
 * headers, the data in the body. Checked: spec version 1.0, the attributes every event has ({@code ce-id},
 * {@code ce-source}, {@code ce-type}, {@code ce-hub}, {@code ce-connectionId}), a known type, and the body each
 * system event carries. Written by hand rather than with the CloudEvents SDK: binary mode is a handful of headers,
 * and Web PubSub's own attributes need their checks anyway.
 */
final class CloudEvents {

    static final String SYSTEM = "azure.webpubsub.sys.";
    static final String USER = "azure.webpubsub.user.";
    static final int MAX_ID_LENGTH = 128;
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private CloudEvents() {}

    static WebhookEvent read(HttpServletRequest request, byte[] body) {
        String spec = required(request, "ce-specversion");
        if (!spec.equals("1.0")) {
            throw new MalformedEventException("ce-specversion", "only CloudEvents 1.0 is understood, not " + spec);
        }
        String id = required(request, "ce-id");
        required(request, "ce-source");
        String type = required(request, "ce-type");
        String hub = required(request, "ce-hub");
        String connectionId = required(request, "ce-connectionId");
        // both are kept (the connection record, the window of recent event ids): bounded like the database column
        limit("ce-id", id);
        limit("ce-connectionId", connectionId);
        Optional<String> userId =
                Optional.ofNullable(request.getHeader("ce-userId")).filter(u -> !u.isBlank());
        if (type.startsWith(USER)) {
            String name = type.substring(USER.length());
            if (!EVENT_NAME.matcher(name).matches()) {
                throw new MalformedEventException("ce-type", "not a valid user event name: " + abbreviate(name));
            }
            return new WebhookEvent.User(id, hub, connectionId, userId, name, request.getContentType(), body);
        }
        switch (type) {
            case SYSTEM + "connect":
                return new WebhookEvent.Connect(id, hub, connectionId, userId, query(json(body)));
            case SYSTEM + "connected":
                return new WebhookEvent.Connected(id, hub, connectionId, userId);
            case SYSTEM + "disconnected":
                JsonObject data = body.length == 0 ? JsonValue.EMPTY_JSON_OBJECT : json(body);
                return new WebhookEvent.Disconnected(id, hub, connectionId, userId, data.getString("reason", ""));
            default:
                throw new MalformedEventException("ce-type", "unknown event type " + abbreviate(type));
        }
    }

    /**
     * A user event handed over in-process, checked like one read from HTTP: its ids bounded, its name a valid event
     * name.
     */
    static WebhookEvent.User user(
            String id,
            String hub,
            String connectionId,
            Optional<String> userId,
            String name,
            String contentType,
            byte[] body) {
        limit("ce-id", id);
        limit("ce-connectionId", connectionId);
        if (!EVENT_NAME.matcher(name).matches()) {
            throw new MalformedEventException("ce-type", "not a valid user event name: " + abbreviate(name));
        }
        return new WebhookEvent.User(id, hub, connectionId, userId.filter(u -> !u.isBlank()), name, contentType, body);
    }

    private static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(header, "the " + header + " header is required");
        }
        return value.strip();
    }

    private static void limit(String header, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            throw new MalformedEventException(header, header + " has at most " + MAX_ID_LENGTH + " characters");
        }
    }

    private static JsonObject json(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new MalformedEventException(null, "the event body is not a JSON object");
        }
    }

    /** The client's query parameters, from the connect event's {@code query} (name to list of values). */
    private static Map<String, List<String>> query(JsonObject data) {
        JsonValue query = data.get("query");
        if (query == null || query.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (query.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedEventException(null, "query must be an object of string arrays");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        query.asJsonObject().forEach((name, value) -> {
            List<String> list = new ArrayList<>();
            if (value instanceof JsonArray array) {
                array.forEach(v -> {
                    if (v instanceof JsonString s) {
                        list.add(s.getString());
                    }
                });
            } else if (value instanceof JsonString s) {
                list.add(s.getString());
            }
            values.put(name, List.copyOf(list));
        });
        return values;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
