package dev.whiteboard.hub;

import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.hub.protocol.ServerFrames;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One client connection to the hub: who it is, what it may do, which groups it is in, the ackIds it has
 * already had carried out, and its {@link Outbox}. Thread-safe.
 */
public final class HubConnection {

    /** How the client speaks: a JSON subprotocol, or plain frames (no subprotocol). */
    public enum Kind {
        JSON, PLAIN
    }

    /** How many successful ackIds are remembered to answer repeats with {@code Duplicate}. */
    static final int ACK_MEMORY = 1_000;

    private final String id;
    private final String hub;
    private final Optional<String> userId;
    private final Kind kind;
    private final Permissions permissions;
    private final Outbox outbox;
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final LinkedHashSet<Long> processedAcks = new LinkedHashSet<>();
    private volatile Instant lastSeen = Instant.now();
    private final java.util.concurrent.atomic.AtomicLong eventIds = new java.util.concurrent.atomic.AtomicLong();

    HubConnection(String id, String hub, Optional<String> userId, Kind kind, Permissions permissions, Outbox outbox) {
        this.id = id;
        this.hub = hub;
        this.userId = userId;
        this.kind = kind;
        this.permissions = permissions;
        this.outbox = outbox;
    }

    public String id() {
        return id;
    }

    public String hub() {
        return hub;
    }

    public Optional<String> userId() {
        return userId;
    }

    public Kind kind() {
        return kind;
    }

    public Permissions permissions() {
        return permissions;
    }

    /** The groups the connection is in (a live view). */
    public Set<String> groups() {
        return groups;
    }

    /** The {@code ce-id} of this connection's next upstream event: 1, 2, 3… ({@code connect} was 0). */
    long nextEventId() {
        return eventIds.incrementAndGet();
    }

    /** Records that the client was heard from (any frame, or a pong). */
    void touch() {
        lastSeen = Instant.now();
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** Whether {@code ackId} was already carried out successfully. */
    synchronized boolean alreadyProcessed(long ackId) {
        return processedAcks.contains(ackId);
    }

    /** Remembers {@code ackId} as carried out (the last {@value #ACK_MEMORY} are kept). */
    synchronized void processed(long ackId) {
        processedAcks.add(ackId);
        if (processedAcks.size() > ACK_MEMORY) {
            processedAcks.remove(processedAcks.iterator().next());
        }
    }

    /** Sends a protocol frame (JSON clients only); {@code false} if the client cannot take it. */
    boolean sendFrame(String frame) {
        return kind == Kind.JSON && outbox.text(frame);
    }

    /** Delivers data in this client's form: a message frame for JSON clients, the raw data for plain ones. */
    boolean deliver(Delivery delivery) {
        if (kind == Kind.JSON) {
            return outbox.text(delivery.json());
        }
        Payload payload = delivery.payload();
        return payload.asText() != null ? outbox.text(payload.asText()) : outbox.binary(payload.asBytes());
    }

    /** Ends the connection: JSON clients are told why first ({@code disconnected}), then the socket closes. */
    public void close(CloseReason.CloseCode code, String reason) {
        if (kind == Kind.JSON) {
            outbox.text(ServerFrames.disconnected(reason));
        }
        outbox.closeAfterDrain(new CloseReason(code, truncate(reason)));
    }

    /** Drops a client that cannot keep up, without waiting for its queue. */
    void drop(CloseReason.CloseCode code, String reason) {
        outbox.closeNow(new CloseReason(code, truncate(reason)));
    }

    /** Pings the client (keep-alive); its pong counts as being heard from. */
    void ping() {
        outbox.ping();
    }

    boolean isClosed() {
        return outbox.isClosed();
    }

    private static String truncate(String reason) {
        // a close reason must fit in a control frame: 123 bytes
        return reason.length() > 120 ? reason.substring(0, 120) : reason;
    }

    /**
     * One message on its way to many recipients, encoded at most once per client kind.
     */
    static final class Delivery {
        private final Payload payload;
        private final Supplier<String> encoder;
        private String json;

        Delivery(Payload payload, Supplier<String> encoder) {
            this.payload = payload;
            this.encoder = encoder;
        }

        Payload payload() {
            return payload;
        }

        synchronized String json() {
            if (json == null) {
                json = encoder.get();
            }
            return json;
        }
    }
}
