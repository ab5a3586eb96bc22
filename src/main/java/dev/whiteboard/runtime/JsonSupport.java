package dev.whiteboard.runtime;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the app (and the hub). The static {@code jakarta.json.Json} methods look the provider up with a
 * service loader on every call, a class-path scan that showed at the top of the fan-out profile; this looks it up
 * once.
 */
public final class JsonSupport {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {}
}
