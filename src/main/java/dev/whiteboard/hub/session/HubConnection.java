package dev.whiteboard.hub.session;

import dev.whiteboard.hub.access.Permissions;
import dev.whiteboard.hub.delivery.Recipient;
import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.hub.protocol.Subprotocol;
import dev.whiteboard.hub.protocol.WireFormat;
import dev.whiteboard.hub.socket.ClientSocket;
import dev.whiteboard.hub.socket.CloseCode;
import dev.whiteboard.hub.socket.Frames;
import dev.whiteboard.hub.upstream.EventSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One logical client connection to the hub: who it is, what it may do, which groups it is in, the ackIds it
 * has had carried out, and the socket it currently uses ({@link ClientSocket}). On the reliable subprotocol the
 * connection outlives its socket: every data message gets a {@code sequenceId} and stays buffered until the client
 * acknowledges it (at most 1,000 messages or 16 MB), and a client that reconnects with its reconnection token within
 * 30 s gets the same connection back with the unacknowledged messages replayed in order. The connection also keeps
 * the state the event handler gave it ({@code ce-connectionState}), which therefore survives a recovery.
 * <p>Thread-safe: delivery and acknowledgement hold the connection's lock; the socket has its own.
 */
public final class HubConnection implements Recipient, EventSource {

    /**
     * How the client speaks: a PubSub subprotocol (JSON or protobuf, {@link #protocol()}), reliable or not, or
     * plain frames (no subprotocol).
     */
    public enum Kind {
        PUBSUB,
        RELIABLE,
        PLAIN
    }

    /** How many successful ackIds are remembered to answer repeats with {@code Duplicate}. */
    static final int ACK_MEMORY = 1_000;
    /** The reliable buffer's bounds, as on the service. */
    static final int MAX_UNACKED = 1_000;

    static final long MAX_UNACKED_BYTES = 16L * 1024 * 1024;

    /** A message sent on the reliable subprotocol and not acknowledged yet: its encoded WebSocket frame. */
    private record Unacked(long sequenceId, byte[] frame) {}

    private final String id;
    private final String hub;
    private final Optional<String> userId;
    /** The PubSub subprotocol; null for a plain client. */
    private final Subprotocol protocol;

    private final Permissions permissions;
    private final String reconnectionToken;
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final LinkedHashSet<Long> processedAcks = new LinkedHashSet<>();
    private final AtomicLong eventIds = new AtomicLong();
    private final Deque<Unacked> unacked = new ArrayDeque<>();
    private long unackedBytes;
    private long lastSequenceId;
    private final FrameBudget budget;
    private volatile ClientSocket socket;
    private volatile Instant lastSeen = Instant.now();
    private volatile Instant detachedAt;
    private volatile String connectionState;
    private volatile boolean ended;

    HubConnection(
            String id,
            String hub,
            Optional<String> userId,
            Optional<Subprotocol> protocol,
            Permissions permissions,
            ClientSocket socket,
            String reconnectionToken,
            int maxFramesPerSecond,
            String connectionState) {
        this.budget = new FrameBudget(maxFramesPerSecond);
        this.id = id;
        this.hub = hub;
        this.userId = userId;
        this.protocol = protocol.orElse(null);
        this.permissions = permissions;
        this.socket = socket;
        this.reconnectionToken = reconnectionToken;
        this.connectionState = connectionState;
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
        return protocol == null ? Kind.PLAIN : protocol.reliable() ? Kind.RELIABLE : Kind.PUBSUB;
    }

    /** The negotiated subprotocol's name, none for plain clients. */
    @Override
    public Optional<String> subprotocol() {
        return protocol().map(Subprotocol::wireName);
    }

    /** The negotiated subprotocol, none for plain clients. */
    public Optional<Subprotocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    /** Whether the client speaks a PubSub subprotocol (it gets acks, system messages, message envelopes). */
    public boolean isPubSub() {
        return protocol != null;
    }

    public Permissions permissions() {
        return permissions;
    }

    /** The groups the connection is in (a live view). */
    public Set<String> groups() {
        return groups;
    }

    /** The state the event handler last set ({@code ce-connectionState}); {@code ""} for none. */
    public String connectionState() {
        return connectionState;
    }

    /** Replaces the state (the event handler answered a blocking event with a {@code ce-connectionState}). */
    @Override
    public void connectionState(String state) {
        connectionState = state;
    }

    /** Whether {@code token} is this connection's reconnection token (compared in constant time). */
    boolean acceptsReconnection(String token) {
        return reconnectionToken != null
                && token != null
                && MessageDigest.isEqual(
                        reconnectionToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code ce-id} of this connection's next upstream event: 1, 2, 3… ({@code connect} was 0). */
    @Override
    public long nextEventId() {
        return eventIds.incrementAndGet();
    }

    /** Counts a frame from the client against its budget; {@code false} when it sends more than it may. */
    boolean withinBudget() {
        return budget.take();
    }

    /** Records that the client was heard from (any bytes: a frame, a part of one, or a pong). */
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

    /**
     * Sends a protocol message (PubSub clients only, never buffered), written in the client's format by
     * {@code message}; {@code false} if the client cannot take it.
     */
    boolean sendFrame(Function<WireFormat, byte[]> message) {
        return protocol != null && !ended && socket.send(frame(protocol.format(), message.apply(protocol.format())));
    }

    /** The WebSocket frame of a message in {@code format}: binary for protobuf, text for JSON. */
    static byte[] frame(WireFormat format, byte[] message) {
        return format.binaryFrames() ? Frames.binary(message) : Frames.text(message);
    }

    /**
     * Delivers data in this client's form: a message frame in its subprotocol's format for PubSub clients (with the
     * next {@code sequenceId}, buffered until acknowledged, on a reliable subprotocol), the raw data for plain ones;
     * it leaves when {@link #flush} is called. Returns {@code false} when the client is too far behind.
     */
    boolean deliver(Delivery delivery) {
        if (ended) {
            return true;
        }
        if (protocol == null) {
            return socket.write(delivery.plainFrame());
        }
        if (!protocol.reliable()) {
            return socket.write(delivery.frame(protocol.format()));
        }
        synchronized (this) {
            byte[] frame = delivery.frameWithSequence(protocol.format(), ++lastSequenceId);
            if (unacked.size() >= MAX_UNACKED || unackedBytes + frame.length > MAX_UNACKED_BYTES) {
                return false;
            }
            unacked.add(new Unacked(lastSequenceId, frame));
            unackedBytes += frame.length;
            if (detachedAt == null) {
                socket.write(frame);
            }
            return true;
        }
    }

    /** Pushes out the messages {@link #deliver} wrote. */
    @Override
    public void flush() {
        socket.flush();
    }

    /** The client has everything up to {@code sequenceId}: those messages leave the buffer. */
    synchronized void acknowledge(long sequenceId) {
        while (!unacked.isEmpty() && unacked.peekFirst().sequenceId() <= sequenceId) {
            unackedBytes -= unacked.removeFirst().frame().length;
        }
    }

    /** Whether {@code candidate} is the socket this connection uses now. */
    boolean uses(ClientSocket candidate) {
        return socket == candidate;
    }

    /**
     * The socket went away without the server ending the connection: a reliable client may come back. Nothing changes
     * if the connection is on another socket by now: the client recovered it before the loss of the old one was
     * noticed (checked under the lock {@link #attach} holds, so a recovery is never taken for a loss).
     */
    synchronized void detachFrom(ClientSocket lost) {
        if (socket == lost) {
            detachedAt = Instant.now();
        }
    }

    Optional<Instant> detachedAt() {
        return Optional.ofNullable(detachedAt);
    }

    /** Continues on a new socket (recovery): every unacknowledged message is sent again, in order. */
    synchronized void attach(ClientSocket replacement) {
        ClientSocket previous = socket;
        socket = replacement;
        detachedAt = null;
        touch();
        if (previous != replacement) {
            previous.closeNow(CloseCode.GOING_AWAY, "recovered on another socket");
        }
        unacked.forEach(u -> replacement.send(u.frame()));
    }

    /** Whether the server has ended this connection for good (no recovery). */
    boolean ended() {
        return ended;
    }

    /** Ends the connection: PubSub clients are told why first ({@code disconnected}), then the socket closes. */
    public void close(CloseCode code, String reason) {
        ended = true;
        if (protocol != null) {
            socket.send(frame(protocol.format(), protocol.format().disconnected(reason)));
        }
        socket.close(code, reason);
    }

    /** Drops a client that cannot keep up, without waiting for its queue; it cannot recover. */
    void drop(CloseCode code, String reason) {
        ended = true;
        socket.closeNow(code, reason);
    }

    /** Closes the socket of a client that stopped answering; a reliable client may still recover. */
    void abandonSocket(String reason) {
        ClientSocket abandoned = socket;
        abandoned.closeNow(CloseCode.GOING_AWAY, reason);
        detachFrom(abandoned);
    }

    /** Pings the client (keep-alive); its pong counts as being heard from. */
    void ping() {
        if (detachedAt == null) {
            socket.send(Frames.ping());
        }
    }

    boolean isClosed() {
        return ended || socket.isClosed();
    }

    /**
     * One message on its way to many recipients: its WebSocket frame is encoded at most once per wire format (JSON,
     * protobuf) for all the PubSub clients without sequence ids, and once for all the plain clients; reliable clients
     * each get their own sequence id.
     */
    static final class Delivery {

        /** Writes the message in a format, with a sequence id or without (null). */
        @FunctionalInterface
        interface Encoder {
            byte[] encode(WireFormat format, Long sequenceId);
        }

        private final Payload payload;
        private final Encoder encoder;
        // volatile: read once per recipient without a lock; an encoding races only with another of the same bytes
        private volatile byte[] jsonFrame;
        private volatile byte[] protobufFrame;
        private volatile byte[] plainFrame;

        Delivery(Payload payload, Encoder encoder) {
            this.payload = payload;
            this.encoder = encoder;
        }

        /** The frame for the PubSub clients of {@code format} without sequence ids, encoded at the first call. */
        byte[] frame(WireFormat format) {
            if (format.binaryFrames()) {
                byte[] frame = protobufFrame;
                if (frame == null) {
                    frame = encode(format);
                    protobufFrame = frame;
                }
                return frame;
            }
            byte[] frame = jsonFrame;
            if (frame == null) {
                frame = encode(format);
                jsonFrame = frame;
            }
            return frame;
        }

        private byte[] encode(WireFormat format) {
            return HubConnection.frame(format, encoder.encode(format, null));
        }

        /** Plain clients get the data itself: a text frame for text and JSON, else a binary one. */
        byte[] plainFrame() {
            byte[] frame = plainFrame;
            if (frame == null) {
                frame = payload.asText() != null ? Frames.text(payload.asText()) : Frames.binary(payload.asBytes());
                plainFrame = frame;
            }
            return frame;
        }

        byte[] frameWithSequence(WireFormat format, long sequenceId) {
            return HubConnection.frame(format, encoder.encode(format, sequenceId));
        }
    }
}
