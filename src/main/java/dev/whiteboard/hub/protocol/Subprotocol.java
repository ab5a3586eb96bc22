package dev.whiteboard.hub.protocol;

import java.util.Optional;

/**
 * The PubSub subprotocols the hub speaks, as the service names them; a client that negotiates none of them is a plain
 * WebSocket client. Each has a {@link WireFormat}; the reliable ones add sequence ids and recovery.
 */
public enum Subprotocol {
    JSON("json.webpubsub.azure.v1", false, JsonWire.INSTANCE),
    JSON_RELIABLE("json.reliable.webpubsub.azure.v1", true, JsonWire.INSTANCE),
    PROTOBUF("protobuf.webpubsub.azure.v1", false, ProtobufWire.INSTANCE),
    PROTOBUF_RELIABLE("protobuf.reliable.webpubsub.azure.v1", true, ProtobufWire.INSTANCE);

    private final String wireName;
    private final boolean reliable;
    private final WireFormat format;

    Subprotocol(String wireName, boolean reliable, WireFormat format) {
        this.wireName = wireName;
        this.reliable = reliable;
        this.format = format;
    }

    /** The name in {@code Sec-WebSocket-Protocol}. */
    public String wireName() {
        return wireName;
    }

    public boolean reliable() {
        return reliable;
    }

    public WireFormat format() {
        return format;
    }

    /** The subprotocol of that name (as offered, lower-cased), if the hub speaks it. */
    public static Optional<Subprotocol> named(String name) {
        for (Subprotocol subprotocol : values()) {
            if (subprotocol.wireName.equals(name)) {
                return Optional.of(subprotocol);
            }
        }
        return Optional.empty();
    }
}
