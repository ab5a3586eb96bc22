package dev.whiteboard.wire;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Typed messages to and from JSON with one shared (thread-safe) JSON-B instance. */
public final class WireJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private WireJson() {}

    public static String write(Object message) {
        return JSONB.toJson(message);
    }

    /** Reads {@code json} as {@code type}; a {@code JsonbException} when it is not that. */
    public static <T> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
