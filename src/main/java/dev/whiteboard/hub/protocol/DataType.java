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
    BINARY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DataType> fromWire(String name) {
        for (DataType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
