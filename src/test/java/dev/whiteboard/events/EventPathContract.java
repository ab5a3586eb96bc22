package dev.whiteboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of the event path (a board page's change → hub → this app's webhook → transaction → announcement),
 * whichever way the hub hands events to the app: a result {@code ok} only once the change is committed (readable by
 * anyone), changes to a board applied one after another with a version each, and in-process in the order the
 * connection sent them (also when many queue up and are committed together; over HTTP the hub's calls may overlap, as
 * Azure's do), idempotent by shape id, every failure a reply (and one failing change never taking the others queued
 * with it), and every committed change announced to the board's group in version order. The events are sent without
 * waiting for the answers, so that they queue up and are committed in groups.
 */
abstract class EventPathContract {

    abstract TestServer server();

    /** Whether this server hands events and announcements in-process. */
    abstract boolean inProcess();

    private URI base() {
        return server().baseUri();
    }

    private String newBoard(String title) {
        Http.Reply created = Http.as(base(), "alice").postJson("api/boards", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private JsonObject diagram(String board) {
        Http.Reply reply = Http.as(base(), "alice").get("api/boards/" + board + "/diagram");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Sends a board event without waiting; the frame's ack id is {@code ackId}. */
    private static void send(WsClient socket, long ackId, String event, String data) {
        socket.send("{\"type\":\"event\",\"event\":\"" + event + "\",\"ackId\":" + ackId
                + ",\"dataType\":\"json\",\"data\":" + data + "}");
    }

    private static String put(String board, String requestId, String shape) {
        return "{\"board\":\"" + board + "\",\"requestId\":\"" + requestId + "\",\"put\":[" + shape + "]}";
    }

    private static String pen(String id, int width) {
        return "{\"id\":\"" + id + "\",\"kind\":\"pen\",\"stroke\":\"#1e1e1e\",\"width\":" + width
                + ",\"points\":[0,0,10,10,20,5]}";
    }

    /** Reads results until every one of {@code requestIds} has its own, in the order they arrive; checks the acks. */
    private static List<JsonObject> results(WsClient socket, int count) {
        List<JsonObject> results = new ArrayList<>();
        int acks = 0;
        while (results.size() < count || acks < count) {
            JsonObject frame = socket.next();
            if ("ack".equals(frame.getString("type", ""))) {
                assertTrue(frame.getBoolean("success"), frame::toString);
                acks++;
            } else if ("message".equals(frame.getString("type", ""))
                    && "server".equals(frame.getString("from", ""))
                    && frame.get("data") instanceof JsonObject data
                    && "result".equals(data.getString("type", ""))) {
                results.add(data);
            }
        }
        return results;
    }

    @Test
    void theEventsGoTheConfiguredWay() throws IOException {
        String board = newBoard("Which way");
        try (BoardClient alice = BoardClient.join(base(), "alice", board)) {
            assertTrue(alice.draw("w1").getBoolean("ok"));
        }
        String log = Files.readString(server().log());
        assertEquals(
                inProcess(),
                log.contains("are handed in-process to this server's event handler"),
                "user events handed in-process");
        assertEquals(
                inProcess(),
                log.contains("Messages to groups and users go to the built-in hub in-process"),
                "announcements in-process");
    }

    @Test
    void okComesOnlyOnceTheChangeIsCommitted() {
        String board = newBoard("Durable");
        try (BoardClient alice = BoardClient.join(base(), "alice", board)) {
            int count = 40;
            for (int i = 1; i <= count; i++) {
                send(alice.socket(), i, "changeShapes", put(board, "d" + i, pen("d" + i, 2)));
            }
            List<JsonObject> results = results(alice.socket(), count);
            for (JsonObject result : results) {
                assertTrue(result.getBoolean("ok"), result::toString);
                // read as soon as the result came: what it says is committed is there for everyone
                JsonObject diagram = diagram(board);
                long version = result.getJsonNumber("version").longValue();
                assertTrue(diagram.getJsonNumber("version").longValue() >= version, diagram::toString);
                String shape = result.getString("requestId");
                assertTrue(
                        diagram.getJsonArray("shapes").stream()
                                .anyMatch(s -> shape.equals(s.asJsonObject().getString("id"))),
                        shape + " is stored");
            }
            assertEquals(count, diagram(board).getJsonArray("shapes").size());
        }
    }

    @Test
    void changesOfOneConnectionAreAppliedInTheOrderSent() {
        String board = newBoard("Ordered");
        try (BoardClient alice = BoardClient.join(base(), "alice", board);
                BoardClient bob = BoardClient.join(base(), "bob", board);
                BoardClient watcher = BoardClient.join(base(), "carol", board)) {
            // over HTTP, 120 calls at once were seen to meet the JDK client's "connection closed locally" now and then
            int count = inProcess() ? 60 : 20;
            for (int i = 1; i <= count; i++) {
                // the same shape each time, wider each time: only the order sent leaves the last width
                send(alice.socket(), i, "changeShapes", put(board, "a" + i, pen("same", i)));
                send(bob.socket(), i, "changeShapes", put(board, "b" + i, pen("bob" + i, 2)));
            }
            for (BoardClient client : List.of(alice, bob)) {
                List<JsonObject> results = results(client.socket(), count);
                long last = 0;
                Map<String, Long> versions = new HashMap<>();
                for (JsonObject result : results) {
                    assertTrue(result.getBoolean("ok"), result::toString);
                    versions.put(
                            result.getString("requestId"),
                            result.getJsonNumber("version").longValue());
                }
                String prefix = client == alice ? "a" : "b";
                for (int i = 1; i <= count; i++) {
                    long version = versions.get(prefix + i);
                    if (inProcess()) {
                        assertTrue(version > last, prefix + i + " got version " + version + " after " + last);
                    }
                    last = version;
                }
                assertEquals(count, versions.values().stream().distinct().count(), "each change its own version");
            }
            JsonObject diagram = diagram(board);
            assertEquals(2L * count, diagram.getJsonNumber("version").longValue(), "each change its own version");
            JsonObject same = diagram.getJsonArray("shapes").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(s -> s.getString("id").equals("same"))
                    .findFirst()
                    .orElseThrow();
            if (inProcess()) {
                // over HTTP, as with Azure Web PubSub, a connection's events may overlap on their way to the webhook
                assertEquals(count, same.getInt("width"), "the last change sent is the last applied");
            }

            // the group hears every change, in version order, without a gap
            long seen = 0;
            while (seen < 2L * count) {
                for (JsonObject change : announced(watcher.socket())) {
                    assertEquals(seen, change.getJsonNumber("fromVersion").longValue(), change::toString);
                    seen = change.getJsonNumber("version").longValue();
                }
            }
        }
    }

    /** The next announcements of board changes (unpacked from a batch). */
    private static List<JsonObject> announced(WsClient socket) {
        while (true) {
            JsonObject frame = socket.next();
            if (!"message".equals(frame.getString("type", ""))
                    || !"group".equals(frame.getString("from", ""))
                    || frame.containsKey("fromUserId")
                    || !(frame.get("data") instanceof JsonObject data)) {
                continue;
            }
            List<JsonObject> changes = new ArrayList<>();
            JsonArray messages = "batch".equals(data.getString("type", ""))
                    ? data.getJsonArray("messages")
                    : jakarta.json.Json.createArrayBuilder().add(data).build();
            for (JsonValue message : messages) {
                if ("shapesChanged".equals(message.asJsonObject().getString("type", ""))) {
                    changes.add(message.asJsonObject());
                }
            }
            if (!changes.isEmpty()) {
                return changes;
            }
        }
    }

    @Test
    void aReplayChangesNothing() {
        String board = newBoard("Idempotent");
        try (BoardClient alice = BoardClient.join(base(), "alice", board)) {
            for (int i = 1; i <= 10; i++) {
                send(alice.socket(), i, "changeShapes", put(board, "r" + i, pen("once", 3)));
            }
            List<JsonObject> results = results(alice.socket(), 10);
            for (JsonObject result : results) {
                assertTrue(result.getBoolean("ok"), result::toString);
                assertEquals(1, result.getJsonNumber("version").longValue(), "the replays keep version 1");
            }
            JsonObject diagram = diagram(board);
            assertEquals(1, diagram.getJsonNumber("version").longValue());
            assertEquals(1, diagram.getJsonArray("shapes").size());
        }
    }

    @Test
    void failuresAreRepliesAndTakeNoOtherChangeWithThem() {
        String board = newBoard("Failures");
        try (BoardClient alice = BoardClient.join(base(), "alice", board)) {
            List<String> sent = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                String data;
                if (i % 10 == 5) {
                    data = put(board, "bad" + i, "{\"id\":\"bad" + i + "\",\"kind\":\"no-such-kind\"}");
                } else if (i % 10 == 7) {
                    data = put("no-such-board-" + i, "gone" + i, pen("gone" + i, 2));
                } else {
                    data = put(board, "good" + i, pen("good" + i, 2));
                }
                send(alice.socket(), i, "changeShapes", data);
                sent.add(data);
            }
            send(alice.socket(), 31, "changeShapes", "[\"not an object\"]");
            List<JsonObject> results = results(alice.socket(), 31);
            int ok = 0;
            for (JsonObject result : results) {
                JsonValue requestId = result.get("requestId");
                String id = requestId instanceof jakarta.json.JsonString s ? s.getString() : "";
                if (id.startsWith("good")) {
                    assertTrue(result.getBoolean("ok"), result::toString);
                    ok++;
                } else {
                    assertFalse(result.getBoolean("ok"), result::toString);
                    assertTrue(result.containsKey("error"), result::toString);
                    assertEquals(
                            id.startsWith("gone") ? "not_found" : "invalid",
                            result.getJsonObject("error").getString("error"),
                            result::toString);
                }
            }
            assertEquals(24, ok);
            JsonObject diagram = diagram(board);
            assertEquals(24, diagram.getJsonArray("shapes").size(), "every good change is stored, no bad one");
            assertEquals(24, diagram.getJsonNumber("version").longValue());
        }
    }
}
