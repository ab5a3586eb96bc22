package dev.whiteboard.hub.protocol;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A message's data with its type, valid for that type: any JSON value (not {@code null}) for {@code json}, a
 * string for {@code text}, a base64 string for {@code binary} and {@code protobuf} (the bytes of a protobuf
 * {@code Any}). Kept as the JSON value the sender wrote, so it is
 * passed on unchanged.
 */
public record Payload(DataType type, JsonValue data) {

    public Payload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (data.getValueType() == JsonValue.ValueType.NULL) {
            throw new IllegalArgumentException("data cannot be null");
        }
        if (type != DataType.JSON && !(data instanceof JsonString)) {
            throw new IllegalArgumentException(type.wireName() + " data must be a string");
        }
        if (type == DataType.BINARY || type == DataType.PROTOBUF) {
            Base64.getDecoder().decode(((JsonString) data).getString());
        }
    }

    public static Payload text(String text) {
        return new Payload(DataType.TEXT, JSON.createValue(text));
    }

    public static Payload binary(byte[] bytes) {
        return new Payload(DataType.BINARY, JSON.createValue(Base64.getEncoder().encodeToString(bytes)));
    }

    /** The serialized bytes of a protobuf {@code google.protobuf.Any}. */
    public static Payload protobuf(byte[] any) {
        return new Payload(
                DataType.PROTOBUF, JSON.createValue(Base64.getEncoder().encodeToString(any)));
    }

    /** Data of {@code type} from raw bytes (an HTTP body); JSON that does not parse is an IllegalArgumentException. */
    public static Payload of(DataType type, byte[] bytes) {
        return switch (type) {
            case JSON -> {
                try (var reader = JSON.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
                    yield new Payload(DataType.JSON, reader.readValue());
                } catch (JsonException e) {
                    throw new IllegalArgumentException("not valid JSON", e); // the parser's own words name its classes
                }
            }
            case TEXT -> text(new String(bytes, StandardCharsets.UTF_8));
            case BINARY -> binary(bytes);
            case PROTOBUF -> protobuf(bytes);
        };
    }

    /** What a plain WebSocket client receives as a text frame (JSON as its text); {@code null} for bytes. */
    public String asText() {
        return switch (type) {
            case JSON -> escapeLoneSurrogates(data.toString());
            case TEXT -> ((JsonString) data).getString();
            case BINARY, PROTOBUF -> null;
        };
    }

    /**
     * JSON text with every lone UTF-16 surrogate written as its {@code \\uXXXX} escape. A sender may write
     * {@code "\\ud800"}, which JSON allows; the JSON writer puts the bare character back, which UTF-8 cannot carry
     * (it becomes {@code ?}), so the receiver (the app's event handler) would see other text than was sent and could
     * not refuse it. Outside strings JSON has no such characters, so escaping them keeps the text valid.
     */
    static String escapeLoneSurrogates(String json) {
        StringBuilder escaped = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!Character.isSurrogate(c)) {
                if (escaped != null) {
                    escaped.append(c);
                }
                continue;
            }
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (escaped == null) {
                escaped = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (paired) {
                escaped.append(c).append(json.charAt(++i));
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped == null ? json : escaped.toString();
    }

    /** The bytes of the payload: decoded for binary and protobuf, UTF-8 of {@link #asText()} otherwise. */
    public byte[] asBytes() {
        return type == DataType.BINARY || type == DataType.PROTOBUF
                ? Base64.getDecoder().decode(((JsonString) data).getString())
                : asText().getBytes(StandardCharsets.UTF_8);
    }
}
