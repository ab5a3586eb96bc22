package dev.whiteboard.hub.protocol;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.runtime.JsonDepth;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one text frame of a JSON subprotocol into a {@link ClientFrame}, checking every field ({@link
 * ProtobufFrameDecoder} is its twin for the protobuf subprotocols).
 */
public final class ClientFrameDecoder {

    /** Longest group name the service accepts. */
    public static final int MAX_GROUP_LENGTH = 1024;

    /** Deepest nesting of a frame, its data included: far beyond any real message, far below a stack's depth. */
    public static final int MAX_DEPTH = 256;

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");

    static final String INVALID_GROUP = "group must be a string of 1 to " + MAX_GROUP_LENGTH + " characters";
    static final String INVALID_EVENT =
            "event must be a name like \"shape.add\" (a letter, then up to 127 letters," + " digits, '_', '.', '-')";

    private ClientFrameDecoder() {}

    public static ClientFrame decode(String text) throws FrameException {
        JsonObject frame = parse(text);
        Optional<Long> ackId = ackId(frame);
        JsonValue type = frame.get("type");
        if (!(type instanceof JsonString name)) {
            throw new FrameException("a frame needs a string \"type\"", Optional.empty());
        }
        return switch (name.getString()) {
            case "joinGroup" -> new ClientFrame.JoinGroup(group(frame, ackId), ackId);
            case "leaveGroup" -> new ClientFrame.LeaveGroup(group(frame, ackId), ackId);
            case "sendToGroup" ->
                new ClientFrame.SendToGroup(group(frame, ackId), ackId, noEcho(frame, ackId), payload(frame, ackId));
            case "event" -> new ClientFrame.Event(eventName(frame, ackId), ackId, payload(frame, ackId));
            case "sequenceAck" -> new ClientFrame.SequenceAck(sequenceId(frame));
            case "ping" -> new ClientFrame.Ping();
            default -> throw new FrameException("unknown type \"" + name.getString() + "\"", Optional.empty());
        };
    }

    /** Checks a group name the way the service does: 1 to 1024 characters, not only white space. */
    public static boolean isValidGroup(String group) {
        return group != null && !group.isBlank() && group.length() <= MAX_GROUP_LENGTH;
    }

    /** Checks an event name: a letter, then up to 127 letters, digits, '_', '.', '-'. */
    static boolean isValidEventName(String event) {
        return event != null && EVENT_NAME.matcher(event).matches();
    }

    private static JsonObject parse(String text) throws FrameException {
        if (JsonDepth.exceeds(text, MAX_DEPTH)) {
            // measured before parsing: JSON-P's own limit (1,000) fails with a bare runtime exception
            throw new FrameException(
                    "a frame must not nest JSON more than " + MAX_DEPTH + " levels deep", Optional.empty());
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
            throw new FrameException("a frame must be a JSON object", Optional.empty());
        } catch (JsonException e) {
            // the parser's words (its classes, its tokens) are not for the client: where it failed is enough
            throw new FrameException(
                    "a frame must be JSON"
                            + (e instanceof JsonParsingException parsing && parsing.getLocation() != null
                                    ? " (error at offset "
                                            + parsing.getLocation().getStreamOffset() + ")"
                                    : ""),
                    Optional.empty());
        }
    }

    private static Optional<Long> ackId(JsonObject frame) throws FrameException {
        JsonValue value = frame.get("ackId");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number
                && number.isIntegral()
                && number.bigIntegerValue().signum() >= 0
                && number.bigIntegerValue().bitLength() < 64) {
            return Optional.of(number.longValue());
        }
        throw new FrameException("ackId must be a whole number from 0", Optional.empty());
    }

    private static String group(JsonObject frame, Optional<Long> ackId) throws FrameException {
        JsonValue value = frame.get("group");
        if (value instanceof JsonString group && isValidGroup(group.getString())) {
            return group.getString();
        }
        throw new FrameException(INVALID_GROUP, ackId);
    }

    private static String eventName(JsonObject frame, Optional<Long> ackId) throws FrameException {
        JsonValue value = frame.get("event");
        if (value instanceof JsonString event && isValidEventName(event.getString())) {
            return event.getString();
        }
        throw new FrameException(INVALID_EVENT, ackId);
    }

    private static boolean noEcho(JsonObject frame, Optional<Long> ackId) throws FrameException {
        JsonValue value = frame.get("noEcho");
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw new FrameException("noEcho must be true or false", ackId);
    }

    private static Payload payload(JsonObject frame, Optional<Long> ackId) throws FrameException {
        JsonValue typeValue = frame.get("dataType");
        DataType type = DataType.JSON;
        if (typeValue != null && typeValue != JsonValue.NULL) {
            if (!(typeValue instanceof JsonString name)
                    || DataType.fromWire(name.getString()).isEmpty()) {
                throw new FrameException("dataType must be json, text or binary", ackId);
            }
            type = DataType.fromWire(((JsonString) typeValue).getString()).orElseThrow();
        }
        JsonValue data = frame.get("data");
        if (data == null) {
            throw new FrameException("data is required", ackId);
        }
        try {
            return new Payload(type, data);
        } catch (IllegalArgumentException e) {
            throw new FrameException("data does not fit dataType " + type.wireName() + ": " + e.getMessage(), ackId);
        }
    }

    private static long sequenceId(JsonObject frame) throws FrameException {
        JsonValue value = frame.get("sequenceId");
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0) {
            return number.longValue();
        }
        throw new FrameException("sequenceId must be a whole number", Optional.empty());
    }
}
