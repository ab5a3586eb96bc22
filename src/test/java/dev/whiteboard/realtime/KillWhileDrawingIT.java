package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * F7: the server is killed ({@code kill -9}) while two people draw through the real-time channel. After the
 * restart, every change the app acknowledged is on the board, and clients that connect again converge on it.
 */
class KillWhileDrawingIT {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.onConfiguredDatabase("kill-while-drawing").startFresh();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void everyAcknowledgedShapeSurvivesAKillAndClientsConvergeAfterwards() throws Exception {
        String board = Http.as(server.baseUri(), "alice")
                .postJson("api/boards", "{\"title\":\"Killed\"}")
                .json()
                .getString("id");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean drawing = new AtomicBoolean(true);
        List<Thread> drawers = new ArrayList<>();
        for (String user : List.of("alice", "bob")) {
            BoardClient client = BoardClient.join(server.baseUri(), user, board);
            Thread drawer = new Thread(
                    () -> {
                        try (client) {
                            for (int i = 0; drawing.get(); i++) {
                                String id = user + "-" + i;
                                JsonObject result = client.draw(id);
                                if (result.getBoolean("ok")) {
                                    acknowledged.add(id);
                                }
                            }
                        } catch (RuntimeException | AssertionError e) {
                            // the server went away mid-drawing: what was acknowledged until then must survive
                        }
                    },
                    "drawer-" + user);
            drawer.start();
            drawers.add(drawer);
        }
        Eventually.until("40 shapes acknowledged", Duration.ofSeconds(120), () -> acknowledged.size() >= 40);
        server.kill();
        drawing.set(false);
        for (Thread drawer : drawers) {
            drawer.join(30_000);
        }
        Set<String> acknowledgedBeforeTheKill = Set.copyOf(acknowledged);

        server.start();
        Http alice = Http.as(server.baseUri(), "alice");
        JsonObject diagram = alice.get("api/boards/" + board + "/diagram").json();
        Set<String> stored = RealtimeBoardIT.ids(diagram.getJsonArray("shapes"));
        assertTrue(
                stored.containsAll(acknowledgedBeforeTheKill),
                "lost: " + difference(acknowledgedBeforeTheKill, stored));
        assertEquals(stored.size(), diagram.getInt("version"), "one version per stored shape, none half-applied");

        assertEquals(
                0,
                alice.get("api/boards/" + board + "/presence").array().size(),
                "the killed run's connections are gone, and presence says so");
        try (BoardClient again = BoardClient.join(server.baseUri(), "bob", board)) {
            again.nextFromServer("presence");
            assertEquals(
                    Set.of("bob"),
                    RealtimeBoardIT.users(
                            alice.get("api/boards/" + board + "/presence").array()),
                    "presence is rebuilt from the connections made after the restart");
        }
        try (BoardClient again = BoardClient.join(server.baseUri(), "bob", board);
                BoardClient watcher = BoardClient.join(server.baseUri(), "alice", board)) {
            JsonObject result = again.draw("after-restart");
            assertTrue(result.getBoolean("ok"), result::toString);
            JsonObject change = watcher.nextFromServer("shapesChanged");
            assertEquals(
                    diagram.getInt("version"),
                    change.getInt("fromVersion"),
                    "a client that loaded the snapshot after the restart continues from it");
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
