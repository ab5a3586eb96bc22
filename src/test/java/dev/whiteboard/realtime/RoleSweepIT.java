package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.DatabaseConfig;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Roles changed where this app instance does not see it (another instance of the app, an administrator's SQL, a
 * board made private while Azure kept its connections over a restart) still reach open connections: the periodic
 * sweep ({@code whiteboard.realtime.role-check-seconds}, 2 s here) compares every live board connection with the role
 * its user has now. The change is made in the shared database behind the app's back, so this runs in the PostgreSQL
 * pass, where the test can reach the app's database.
 */
@Tag("postgresql")
class RoleSweepIT {

    /** The first sweep runs 15 s after start, then every 2 s. */
    private static final Duration WAIT = Duration.ofSeconds(40);

    private static DatabaseConfig database;
    private static TestServer server;
    private static URI base;

    private final Http alice = Http.as(base, "alice");
    private final AtomicInteger sequence = new AtomicInteger();

    @BeforeAll
    static void start() {
        // a schema of its own: another app server on the same database sweeps these connections too (it finds them
        // in the shared presence table) and would record the lowered role before this server's sweep acts on it
        server = TestServer.onOwnDatabase("role_sweep")
                .withEnvironment("WHITEBOARD_BOARDS_DEFAULT_ROLE", "none")
                .withEnvironment("WHITEBOARD_REALTIME_ROLE_CHECK_SECONDS", "2")
                .startFresh();
        base = server.baseUri();
        database = server.database();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aRoleTakenAwayBehindTheAppsBackClosesTheConnectionAtTheNextSweep() throws SQLException {
        String board = boardWithEditor("Taken away elsewhere");
        try (BoardClient bob = BoardClient.join(base, "bob", board)) {
            assertTrue(stroke(bob, board).getBoolean("success"), "an editor sends live strokes");

            sql("DELETE FROM board_members WHERE board_id = ? AND user_name = 'bob'", board);

            JsonObject disconnected = bob.socket()
                    .nextMatching(m -> "system".equals(m.getString("type", ""))
                            && "disconnected".equals(m.getString("event", "")));
            assertTrue(disconnected.getString("message").contains("revoked"), disconnected::toString);
            assertEquals(1000, bob.socket().awaitClose());
            assertEquals(
                    403,
                    Http.as(base, "bob").get("api/negotiate?board=" + board).status());
        }
    }

    @Test
    void aRoleLoweredBehindTheAppsBackTakesAwayLiveStrokesAtTheNextSweep() throws SQLException {
        String board = boardWithEditor("Lowered elsewhere");
        try (BoardClient bob = BoardClient.join(base, "bob", board)) {
            assertTrue(stroke(bob, board).getBoolean("success"), "an editor sends live strokes");

            sql("UPDATE board_members SET role = 'VIEWER' WHERE board_id = ? AND user_name = 'bob'", board);

            JsonObject refused = Eventually.until(
                    "bob's live strokes refused", WAIT, () -> stroke(bob, board), ack -> !ack.getBoolean("success"));
            assertEquals("Forbidden", refused.getJsonObject("error").getString("name"), refused::toString);
        }
    }

    private String boardWithEditor(String title) {
        Http.Reply created = alice.postJson("api/boards", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        String board = created.json().getString("id");
        Http.Reply granted = alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}");
        assertEquals(200, granted.status(), granted::toString);
        return board;
    }

    /** A live stroke to the board's group; its ack. */
    private JsonObject stroke(BoardClient client, String board) {
        int n = sequence.incrementAndGet();
        client.socket()
                .send("{\"type\":\"sendToGroup\",\"group\":\"board." + board + "\",\"ackId\":" + n
                        + ",\"noEcho\":true,\"dataType\":\"json\",\"data\":{\"type\":\"stroke\",\"n\":" + n + "}}");
        return client.socket().nextMatching(m -> "ack".equals(m.getString("type", "")) && m.getInt("ackId") == n);
    }

    /** A statement on the app's database, as another instance or an administrator would run it. */
    private static void sql(String statement, String board) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, board);
            assertEquals(1, update.executeUpdate(), statement);
        }
    }
}
