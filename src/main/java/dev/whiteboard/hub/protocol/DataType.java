package dev.whiteboard.hub.protocol;

import java.util.Locale;
import java.util.Optional;

/** How a message's {@code data} is to be read. */
public enum DataType {
    /** Any JSON value. */
    JSON,
    /** A string. */
    TEXT,
    /** Bytes, as a base64 string in JSON frames, as a binary frame for plain clients. */
    BINARY,
    /**
     * A protobuf {@code google.protobuf.Any}, sent by a client of a protobuf subprotocol: its serialized bytes, as a
     * base64 string in JSON frames ({@code "dataType":"protobuf"}), as a binary frame for plain clients, as
     * {@code protobuf_data} for protobuf clients. Never sent by JSON clients or the REST API.
     */
    PROTOBUF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP content type that carries data of this type (REST bodies, event handler calls). */
    public String contentType() {
        return switch (this) {
            case JSON -> "application/json";
            case TEXT -> "text/plain; charset=utf-8";
            case BINARY -> "application/octet-stream";
            case PROTOBUF -> "application/x-protobuf";
        };
    }

    /**
     * The data type an HTTP content type carries, if it is json, text or binary (the REST API takes no protobuf, and
     * the handler's answer to an event is one of these three).
     */
    public static Optional<DataType> fromContentType(String contentType) {
        String type = contentType == null
                ? ""
                : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "application/json", "text/json" -> Optional.of(JSON);
            case "text/plain" -> Optional.of(TEXT);
            case "application/octet-stream" -> Optional.of(BINARY);
            default -> Optional.empty();
        };
    }

    /** The data type a JSON client names in {@code dataType}: json, text or binary (protobuf is downstream only). */
    public static Optional<DataType> fromWire(String name) {
        for (DataType type : new DataType[] {JSON, TEXT, BINARY}) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
