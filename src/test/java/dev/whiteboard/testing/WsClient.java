package dev.whiteboard.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's) that records what it receives: text frames, binary frames and the close
 * code, each awaited with a timeout rather than a sleep.
 */
public final class WsClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    /** Frames a {@link #nextMatching} passed over, read first by the next read. */
    private final Deque<Object> stash = new ConcurrentLinkedDeque<>();

    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** What ended the connection from the other side: the close code and reason, or the error; null while open. */
    private volatile String ending;

    private final WebSocket socket;
    private volatile boolean stalled;

    private WsClient(URI uri, String... subprotocols) {
        this(uri, null, List.of(subprotocols));
    }

    private WsClient(URI uri, String origin, List<String> subprotocols) {
        this(HTTP, uri, origin, subprotocols);
    }

    private WsClient(HttpClient http, URI uri, String origin, List<String> subprotocols) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(
                    subprotocols.get(0),
                    subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects with the JSON subprotocol. */
    public static WsClient json(String url) {
        return new WsClient(URI.create(url), "json.webpubsub.azure.v1");
    }

    /** Connects with the JSON subprotocol through {@code http} (e.g. one that trusts a test gateway's certificate). */
    public static WsClient json(HttpClient http, String url) {
        return new WsClient(http, URI.create(url), null, List.of("json.webpubsub.azure.v1"));
    }

    /** Connects with the reliable JSON subprotocol. */
    public static WsClient reliable(String url) {
        return new WsClient(URI.create(url), "json.reliable.webpubsub.azure.v1");
    }

    /** Connects with the protobuf subprotocol ({@code protobuf.webpubsub.azure.v1}): binary frames both ways. */
    public static WsClient protobuf(String url) {
        return new WsClient(URI.create(url), "protobuf.webpubsub.azure.v1");
    }

    /** Connects with the reliable protobuf subprotocol. */
    public static WsClient protobufReliable(String url) {
        return new WsClient(URI.create(url), "protobuf.reliable.webpubsub.azure.v1");
    }

    /** Connects offering these subprotocols, in this order. */
    public static WsClient offering(String url, String... subprotocols) {
        return new WsClient(URI.create(url), subprotocols);
    }

    /** Connects without a subprotocol: a plain WebSocket client. */
    public static WsClient plain(String url) {
        return new WsClient(URI.create(url));
    }

    /** Connects with the JSON subprotocol as a browser page from {@code origin} would. */
    public static WsClient jsonFrom(String origin, String url) {
        return new WsClient(URI.create(url), origin, List.of("json.webpubsub.azure.v1"));
    }

    /** The HTTP status a browser page from {@code origin} gets when its handshake is refused. */
    public static int refusedStatusFrom(String origin, String url) {
        try {
            new WsClient(URI.create(url), origin, List.of("json.webpubsub.azure.v1")).close();
            throw new AssertionError("the handshake from " + origin + " was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** The HTTP status a refused handshake got. */
    public static int refusedStatus(String url, String... subprotocols) {
        try {
            new WsClient(URI.create(url), subprotocols).close();
            throw new AssertionError("the handshake to " + url + " was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** From now on reads nothing more: a slow consumer whose TCP window fills up. */
    public void stopReading() {
        stalled = true;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /**
     * Sends a text frame and waits until it is written. When the connection was closed meanwhile the failure names
     * what the server said (close code and reason), not only the JDK's "closed output".
     */
    public WsClient send(String text) {
        return sent(socket.sendText(text, true));
    }

    public WsClient sendBinary(byte[] bytes) {
        return sent(socket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    private WsClient sent(CompletableFuture<WebSocket> sending) {
        try {
            sending.join();
            return this;
        } catch (CompletionException e) {
            throw new AssertionError(
                    "could not send: " + e.getCause() + "; the connection ended: "
                            + (ending != null ? ending : "not by the server (no close frame received)"),
                    e);
        }
    }

    /** How the server ended the connection ({@code code reason}, or the error), null while it has not. */
    public String ending() {
        return ending;
    }

    /** The next text frame, as JSON. */
    public JsonObject next() {
        Object frame = poll(WAIT);
        if (!(frame instanceof String text)) {
            throw new AssertionError("expected a text frame, got " + frame);
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /**
     * The next JSON frame that matches. Frames before it that do not match are kept, in order, for the next read
     * (e.g. a broadcast that arrives before the reply a test waits for).
     */
    public JsonObject nextMatching(Predicate<JsonObject> wanted) {
        Iterator<Object> kept = stash.iterator();
        while (kept.hasNext()) {
            Object frame = kept.next();
            if (frame instanceof String text && wanted.test(parse(text))) {
                kept.remove();
                return parse(text);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Object frame = pollReceived(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame == null) {
                break;
            }
            if (frame instanceof String text && wanted.test(parse(text))) {
                return parse(text);
            }
            stash.add(frame);
        }
        throw new AssertionError("no matching frame within " + WAIT + "; kept " + stash);
    }

    /** The JSON frames received so far and not read yet (those a {@link #nextMatching} passed over first), at once. */
    public List<JsonObject> drain() {
        List<JsonObject> frames = new ArrayList<>();
        for (Object frame = poll(Duration.ZERO); frame != null; frame = poll(Duration.ZERO)) {
            if (frame instanceof String text) {
                frames.add(parse(text));
            }
        }
        return frames;
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Asserts that no JSON frame matching {@code unwanted} arrives within {@code quiet} (others are dropped). */
    public void assertNothingWithinMatching(Duration quiet, Predicate<JsonObject> unwanted) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            Object frame = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame instanceof String text) {
                try (var reader = Json.createReader(new StringReader(text))) {
                    JsonObject json = reader.readObject();
                    if (unwanted.test(json)) {
                        throw new AssertionError("unexpected frame " + json);
                    }
                }
            }
        }
    }

    /** The next binary frame's bytes (e.g. a protobuf message). */
    public byte[] nextBinary() {
        Object frame = nextRaw();
        if (!(frame instanceof byte[] bytes)) {
            throw new AssertionError("expected a binary frame, got " + frame);
        }
        return bytes;
    }

    /** The next frame as it came: a {@code String} or a {@code byte[]}. */
    public Object nextRaw() {
        Object frame = poll(WAIT);
        if (frame == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return frame;
    }

    /** Asserts that nothing arrives within {@code quiet}. */
    public void assertNothingWithin(Duration quiet) {
        Object frame = poll(quiet);
        if (frame != null) {
            throw new AssertionError("expected nothing, got " + frame);
        }
    }

    /** The close code the server sent. */
    public int awaitClose() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the connection", e);
        }
    }

    /**
     * Sends a close frame with {@code code} and {@code reason} (nothing else follows it) and returns the code the server
     * answers with.
     */
    public int closeWith(int code, String reason) {
        socket.sendClose(code, reason).join();
        return awaitClose();
    }

    /** Drops the TCP connection without a close frame: a client whose network went away. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    /**
     * The frames as the page reads them: a batch the app sent to a group ({@code {"type":"batch","messages":[…]}}
     * in a group message without {@code fromUserId}) becomes one frame per message, in order, each in the same
     * envelope. Every other frame stays as it came.
     */
    static List<String> unbatched(String frame) {
        if (!frame.contains("\"batch\"")) {
            return List.of(frame);
        }
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(frame))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            return List.of(frame);
        }
        if (!"group".equals(json.getString("from", ""))
                || json.containsKey("fromUserId")
                || !(json.get("data") instanceof JsonObject data)
                || !"batch".equals(data.getString("type", ""))) {
            return List.of(frame);
        }
        List<String> frames = new ArrayList<>();
        data.getJsonArray("messages")
                .forEach(message -> frames.add(Json.createObjectBuilder(json)
                        .add("data", message)
                        .build()
                        .toString()));
        return frames;
    }

    private Object poll(Duration timeout) {
        Object kept = stash.poll();
        return kept != null ? kept : pollReceived(timeout);
    }

    private Object pollReceived(Duration timeout) {
        try {
            return received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.addAll(unbatched(text.toString()));
                text.setLength(0);
            }
            if (!stalled) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                received.add(binary.toByteArray());
                binary = new ByteArrayOutputStream();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ending = "closed by the server with " + statusCode + " '" + reason + "'";
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (ending == null) {
                ending = "failed: " + error;
            }
            closed.complete(-1);
        }
    }
}
