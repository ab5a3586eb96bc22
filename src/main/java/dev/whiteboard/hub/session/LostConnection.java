package dev.whiteboard.hub.session;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.hub.upstream.EventSource;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.Optional;

/**
 * A connection of another node as this node's directory in Redis describes it ({@link HubCluster}): enough to tell
 * the event handler it is {@code disconnected} when its node was lost. Its {@code ce-id} continues far above any its
 * node can have reached, so that it never repeats one.
 */
final class LostConnection implements EventSource {

    private static final long EVENT_IDS_AFTER = 1_000_000_000L;

    private final String id;
    private final String hub;
    private final String userId;
    private final String subprotocol;
    private String connectionState;
    private long eventId = EVENT_IDS_AFTER;

    private LostConnection(String id, String hub, String userId, String subprotocol, String connectionState) {
        this.id = id;
        this.hub = hub;
        this.userId = userId;
        this.subprotocol = subprotocol;
        this.connectionState = connectionState == null ? "" : connectionState;
    }

    /** The directory entry of a live connection of this node. */
    static String describe(HubConnection connection) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder().add("h", connection.hub()).add("c", connection.id());
        connection.userId().ifPresent(u -> json.add("u", u));
        connection.subprotocol().ifPresent(s -> json.add("s", s));
        if (!connection.connectionState().isEmpty()) {
            json.add("st", connection.connectionState());
        }
        return json.build().toString();
    }

    static LostConnection read(String entry) {
        try (var reader = JSON.createReader(new StringReader(entry))) {
            JsonObject json = reader.readObject();
            return new LostConnection(
                    json.getString("c"),
                    json.getString("h"),
                    json.getString("u", null),
                    json.getString("s", null),
                    json.getString("st", ""));
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String hub() {
        return hub;
    }

    @Override
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    @Override
    public Optional<String> subprotocol() {
        return Optional.ofNullable(subprotocol);
    }

    @Override
    public synchronized String connectionState() {
        return connectionState;
    }

    @Override
    public synchronized void connectionState(String state) {
        connectionState = state;
    }

    @Override
    public synchronized long nextEventId() {
        return ++eventId;
    }
}
