package dev.whiteboard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The automatic side of the version history, on a server of its own with short times: a checkpoint while people
 * draw (every few seconds here, 10 minutes by default) and when everybody left; automatic versions pruned after the
 * retention time while named ones stay, their content intact after the shape history before them was pruned.
 */
class HistoryRetentionIT {

    private static TestServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        // a database of its own: the short retention would prune the other servers' boards' history too
        server = TestServer.onOwnDatabase("history_retention")
                .withEnvironment("WHITEBOARD_HISTORY_CHECK_SECONDS", "1")
                .withEnvironment("WHITEBOARD_HISTORY_CHECKPOINT_EVERY", "PT6S")
                .withEnvironment("WHITEBOARD_HISTORY_LEFT_AFTER", "PT1S")
                .withEnvironment("WHITEBOARD_HISTORY_RETENTION", "PT12S")
                .startFresh();
        base = server.baseUri();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String board(Http owner) {
        return owner.postJson("api/boards", "{\"title\":\"Retention\"}").json().getString("id");
    }

    private static List<JsonObject> versions(Http who, String board) {
        return who.get("api/boards/" + board + "/versions").json().getJsonArray("versions").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static Set<String> reasons(List<JsonObject> versions) {
        return versions.stream()
                .filter(v -> v.getString("kind").equals("automatic"))
                .map(v -> v.getString("reason"))
                .collect(Collectors.toSet());
    }

    @Test
    void aBoardBeingDrawnOnGetsACheckpointEverySoOften() {
        Http alice = Http.as(base, "alice");
        String board = board(alice);
        try (BoardClient drawing = BoardClient.join(base, "alice", board)) {
            drawing.draw("first");
            Eventually.until(
                    "a checkpoint while alice is still on the board",
                    Duration.ofSeconds(30),
                    () -> reasons(versions(alice, board)).contains("timer"));
            JsonObject checkpoint = versions(alice, board).get(0);
            assertEquals(1, checkpoint.getInt("added"));
            assertEquals(
                    "alice",
                    checkpoint.getJsonArray("contributors").getJsonObject(0).getString("user"));
            int before = versions(alice, board).size();
            Eventually.pause();
            assertEquals(before, versions(alice, board).size(), "a board that did not change gets no other");
        }
    }

    @Test
    void aBoardEverybodyLeftGetsACheckpoint() {
        Http bob = Http.as(base, "bob");
        String board = board(bob);
        try (BoardClient drawing = BoardClient.join(base, "bob", board)) {
            drawing.draw("one");
            drawing.draw("two");
        }
        Eventually.until(
                "a checkpoint after bob left",
                Duration.ofSeconds(30),
                () -> reasons(versions(bob, board)).contains("left"));
    }

    @Test
    void automaticVersionsArePrunedAndNamedOnesKeptWithTheirContent() {
        Http carol = Http.as(base, "carol");
        String board = board(carol);
        String shapes = "api/boards/" + board + "/shapes/";
        carol.putJson(shapes + "a", "{\"kind\":\"note\",\"points\":[0,0,100,60],\"text\":\"first\"}");
        carol.putJson(shapes + "a", "{\"kind\":\"note\",\"points\":[0,0,100,60],\"text\":\"second\"}");
        carol.putJson(shapes + "b", "{\"kind\":\"rectangle\",\"points\":[200,0,300,60]}");
        carol.postJson("api/boards/" + board + "/checkpoint", "");
        String named = carol.postJson("api/boards/" + board + "/versions", "{\"label\":\"Keep\"}")
                .json()
                .getString("id");
        carol.putJson(shapes + "a", "{\"kind\":\"note\",\"points\":[0,0,100,60],\"text\":\"third\"}");
        carol.delete(shapes + "b");
        carol.postJson("api/boards/" + board + "/checkpoint", "");
        Set<String> automatic = versions(carol, board).stream()
                .filter(v -> v.getString("kind").equals("automatic"))
                .map(v -> v.getString("id"))
                .collect(Collectors.toSet());
        assertTrue(!automatic.isEmpty(), "a checkpoint after the named version");

        // (the board keeps changing as far as the checks can tell: a new checkpoint of it may come after the pruning)
        Eventually.until(
                "automatic versions pruned after the retention time",
                Duration.ofSeconds(60),
                () -> versions(carol, board).stream().noneMatch(v -> automatic.contains(v.getString("id"))));
        assertTrue(
                versions(carol, board).stream().anyMatch(v -> v.getString("id").equals(named)),
                "the named version is kept");

        JsonObject content =
                carol.get("api/boards/" + board + "/versions/" + named).json();
        List<JsonObject> then = content.getJsonArray("shapes").stream()
                .map(JsonValue::asJsonObject)
                .toList();
        assertEquals(Set.of("a", "b"), then.stream().map(s -> s.getString("id")).collect(Collectors.toSet()));
        assertEquals(
                "second",
                then.stream()
                        .filter(s -> s.getString("id").equals("a"))
                        .findFirst()
                        .orElseThrow()
                        .getString("text"));
        JsonObject diff =
                carol.get("api/boards/" + board + "/diff?from=" + named).json();
        assertEquals(1, diff.getJsonArray("changed").size());
        assertEquals(1, diff.getJsonArray("removed").size());
        assertTrue(diff.getJsonArray("added").isEmpty());
    }
}
