package dev.whiteboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A person on a board, as the page is: signs in (HTTP Basic), calls {@code negotiate}, opens the real-time
 * connection with the JSON subprotocol (a real WebSocket client) and sends board events with ack ids.
 */
public final class BoardClient implements AutoCloseable {

    private final AtomicLong ackIds = new AtomicLong();
    private final AtomicLong requestIds = new AtomicLong();
    private final Http http;
    private final String user;
    private final String board;
    private final JsonObject negotiated;
    private final WsClient socket;
    private final String connectionId;

    private BoardClient(Http http, String user, String board) {
        this(http, null, user, board);
    }

    private BoardClient(Http http, HttpClient sockets, String user, String board) {
        this.http = http;
        this.user = user;
        this.board = board;
        Http.Reply reply = http.get(board == null ? "api/negotiate?lobby=true" : "api/negotiate?board=" + board);
        assertEquals(200, reply.status(), reply::toString);
        this.negotiated = reply.json();
        this.socket = sockets == null
                ? WsClient.json(negotiated.getString("url"))
                : WsClient.json(sockets, negotiated.getString("url"));
        JsonObject connected = socket.next();
        assertEquals("connected", connected.getString("event"), connected::toString);
        assertEquals(user, connected.getString("userId"));
        this.connectionId = connected.getString("connectionId");
    }

    public static BoardClient join(URI base, String user, String board) {
        return new BoardClient(Http.as(base, user), user, board);
    }

    /** Joins as {@code user}, signed in however {@code http} is (a session cookie, a bearer token). */
    public static BoardClient join(Http http, String user, String board) {
        return new BoardClient(http, user, board);
    }

    /**
     * Joins through a gateway: signed in however {@code http} is, the WebSocket opened by {@code sockets} (a client
     * that trusts the gateway's certificate, {@link Gateway#client()}).
     */
    public static BoardClient join(Http http, HttpClient sockets, String user, String board) {
        return new BoardClient(http, sockets, user, board);
    }

    /** A connection on no board (the boards list page's): {@code negotiate?lobby=true}. */
    public static BoardClient lobby(URI base, String user) {
        return new BoardClient(Http.as(base, user), user, null);
    }

    public JsonObject negotiated() {
        return negotiated;
    }

    public WsClient socket() {
        return socket;
    }

    public String connectionId() {
        return connectionId;
    }

    public Http http() {
        return http;
    }

    /**
     * Sends a board event and returns its result (the server's reply, which comes before the ack); asserts the ack
     * came too. {@code data} is the event's JSON object without {@code board} and {@code requestId}.
     */
    public JsonObject send(String event, String data) {
        String requestId = user + "-" + requestIds.incrementAndGet();
        String json = "{\"board\":\"" + board + "\",\"requestId\":\"" + requestId + "\""
                + (data.isBlank() ? "" : "," + data) + "}";
        return sendRaw(event, json, requestId);
    }

    /** Sends an event with the given JSON data as is; returns the reply that names {@code requestId}. */
    public JsonObject sendRaw(String event, String json, String requestId) {
        long ackId = sendEvent(event, json);
        JsonObject result = socket.nextMatching(m -> "message".equals(m.getString("type", ""))
                        && "server".equals(m.getString("from", ""))
                        && m.get("data") instanceof JsonObject d
                        && ("result".equals(d.getString("type", "")) || "error".equals(d.getString("type", "")))
                        && (requestId == null || requestId.equals(d.getString("requestId", null))))
                .getJsonObject("data");
        assertAcknowledged(ackId);
        return result;
    }

    /** Sends an event that gets no reply when it succeeds (e.g. {@code presence}); waits for its ack. */
    public void emit(String event, String data) {
        assertAcknowledged(sendEvent(event, "{\"board\":\"" + board + "\"," + data + "}"));
    }

    /** Sends an event with the given JSON data as is and waits for its ack (for events with no reply on success). */
    public void emitRaw(String event, String json) {
        assertAcknowledged(sendEvent(event, json));
    }

    private long sendEvent(String event, String json) {
        long ackId = ackIds.incrementAndGet();
        Json.createReader(new StringReader(json)).readValue(); // it must be JSON
        // the data goes as written, escapes included: re-writing it would put a lone surrogate (\\ud800) back as a
        // bare character, which a WebSocket text frame cannot carry
        String frame = Json.createObjectBuilder()
                .add("type", "event")
                .add("event", event)
                .add("ackId", ackId)
                .add("dataType", "json")
                .build()
                .toString();
        socket.send(frame.substring(0, frame.length() - 1) + ",\"data\":" + json + "}");
        return ackId;
    }

    private void assertAcknowledged(long ackId) {
        JsonObject ack = socket.nextMatching(m -> "ack".equals(m.getString("type", "")) && m.getInt("ackId") == ackId);
        assertEquals(true, ack.getBoolean("success"), ack::toString);
    }

    /** Draws (puts) a pen shape; returns the result. */
    public JsonObject draw(String shapeId) {
        return send("changeShapes", "\"put\":[" + pen(shapeId) + "]");
    }

    public static String pen(String shapeId) {
        return "{\"id\":\"" + shapeId
                + "\",\"kind\":\"pen\",\"stroke\":\"#1e1e1e\",\"width\":2,\"points\":[0,0,10,10,20,5]}";
    }

    /**
     * The next message the app sent to the board's group with this type. The app's messages are the group messages
     * without {@code fromUserId}: they come through the REST API, while every client's message carries its user id.
     */
    public JsonObject nextFromServer(String type) {
        return socket.nextMatching(m -> isServerMessage(m, type)).getJsonObject("data");
    }

    public static boolean isServerMessage(JsonObject m, String type) {
        return "message".equals(m.getString("type", ""))
                && "group".equals(m.getString("from", ""))
                && !m.containsKey("fromUserId")
                && m.get("data") instanceof JsonObject d
                && type.equals(d.getString("type", ""));
    }

    /** Whether the frame is a message another client sent to the group. */
    public static boolean isPeerMessage(JsonObject m) {
        return "message".equals(m.getString("type", ""))
                && "group".equals(m.getString("from", ""))
                && m.containsKey("fromUserId");
    }

    @Override
    public void close() {
        socket.close();
    }
}
