package dev.whiteboard.database;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.DatabaseConfig;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL server goes away while the app runs, then comes back: health turns 503 and says why,
 * every data request gets a clear 503 (nothing half-done, nothing hanging), and both recover by themselves.
 * The database is taken away by cutting a TCP proxy between the app and PostgreSQL, so it runs in the
 * PostgreSQL pass ({@code -Dit.db.url=jdbc:postgresql://…}).
 */
@Tag("postgresql")
class DatabaseOutageIT {

    private static TcpProxy proxy;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        DatabaseConfig database = DatabaseConfig.fromSystemProperties();
        URI real = URI.create(database.url().substring("jdbc:".length()));
        proxy = new TcpProxy(real.getHost(), real.getPort() == -1 ? 5432 : real.getPort());
        String viaProxy = database.url().replace(real.getHost() + ":" + real.getPort(), "127.0.0.1:" + proxy.port());
        server = TestServer.onPostgreSql(
                        "database-outage", new DatabaseConfig(viaProxy, database.user(), database.password()))
                .startFresh();
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.stop();
        proxy.close();
    }

    @Test
    void anOutageIsReportedAnsweredWith503AndRecoveredFrom() {
        String board =
                http.postJson("api/boards", "{\"title\":\"outage\"}").json().getString("id");

        proxy.cut();
        JsonObject health = awaitHealth(503).json();
        assertEquals("DOWN", health.getString("status"));
        assertEquals("DOWN", health.getString("database"));
        assertTrue(health.getString("problem").startsWith("database:"), health.toString());

        Http.Reply list = http.get("api/boards");
        assertError(list, 503, "unavailable", null);
        assertEquals("5", list.header("Retry-After"));
        assertError(http.postJson("api/boards", "{\"title\":\"during the outage\"}"), 503, "unavailable", null);
        assertError(
                http.putJson("api/boards/" + board + "/shapes/s", "{\"kind\":\"pen\",\"points\":[0,0]}"),
                503,
                "unavailable",
                null);
        assertError(http.get("api/boards?limit=x"), 400, "invalid", "limit");
        assertError(Http.as(server.baseUri(), "dave").get("api/boards"), 503, "unavailable", null);
        assertEquals(200, http.get("").status(), "the pages are still served");

        proxy.restore();
        assertEquals("UP", awaitHealth(200).json().getString("status"));
        assertEquals(
                0,
                http.get("api/boards/" + board + "/diagram").json().getInt("version"),
                "the shape sent during the outage was not stored");
        assertEquals(
                201,
                http.putJson("api/boards/" + board + "/shapes/s", "{\"kind\":\"pen\",\"points\":[0,0]}")
                        .status());
        assertTrue(http.get("api/boards?limit=500").array().stream()
                .noneMatch(b -> b.asJsonObject().getString("title").equals("during the outage")));
    }

    @Test
    void boardEventsDuringAnOutageFailVisiblyLiveStrokesFlowAndTheRetryIsStored() {
        String board = http.postJson("api/boards", "{\"title\":\"F9\"}").json().getString("id");
        try (BoardClient alice = BoardClient.join(server.baseUri(), "alice", board);
                BoardClient bob = BoardClient.join(server.baseUri(), "bob", board)) {
            String change =
                    "{\"board\":\"" + board + "\",\"requestId\":\"r1\",\"put\":[" + BoardClient.pen("kept") + "]}";
            proxy.cut();
            awaitHealth(503);
            JsonObject failed = alice.sendRaw("changeShapes", change, "r1");
            assertFalse(failed.getBoolean("ok"), failed::toString);
            assertEquals(503, failed.getJsonObject("error").getInt("status"));
            assertTrue(failed.getBoolean("retryable"), "the client is told to send it again");

            String group = alice.negotiated().getJsonArray("groups").getString(0);
            alice.socket()
                    .send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"noEcho\":true,"
                            + "\"dataType\":\"json\",\"data\":{\"type\":\"stroke\",\"id\":\"live\"}}");
            JsonObject stroke = bob.socket().nextMatching(BoardClient::isPeerMessage);
            assertEquals(
                    "live", stroke.getJsonObject("data").getString("id"), "live drawing does not need the database");

            proxy.restore();
            awaitHealth(200);
            JsonObject retried = alice.sendRaw("changeShapes", change, "r1");
            assertTrue(retried.getBoolean("ok"), retried::toString);
            assertEquals(
                    "kept",
                    bob.nextFromServer("shapesChanged")
                            .getJsonArray("put")
                            .getJsonObject(0)
                            .getString("id"));
            assertEquals(
                    1,
                    http.get("api/boards/" + board + "/diagram")
                            .json()
                            .getJsonArray("shapes")
                            .size());
        }
    }

    private static Http.Reply awaitHealth(int status) {
        return Eventually.until(
                "health " + status, Duration.ofSeconds(60), () -> http.get("api/health"), r -> r.status() == status);
    }
}
