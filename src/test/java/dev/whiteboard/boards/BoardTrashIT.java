package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a server of its own, with the app's own event handler: the trash is emptied by itself
 * ({@code whiteboard.boards.trash-days}; here 0 days, checked every second, so a board is purged right after it went
 * to the trash); the live connections of a board moved to the trash are told and closed; a copy keeps the background
 * colour (set over the real-time connection); and the lifecycle calls on private boards ({@code default-role=none}):
 * someone without a role is refused as on every other call of the board.
 */
class BoardTrashIT {

    private static TestServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        // a database of its own: a purge after 0 days would empty the trash of the other servers' boards too
        server = TestServer.onOwnDatabase("board_trash")
                .withEnvironment("WHITEBOARD_BOARDS_DEFAULT_ROLE", "none")
                .withEnvironment("WHITEBOARD_BOARDS_TRASH_DAYS", "0")
                .withEnvironment("WHITEBOARD_BOARDS_TRASH_CHECK_SECONDS", "1")
                .startFresh();
        base = server.baseUri();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String board(Http owner, String title) {
        Http.Reply created = owner.postJson("api/boards", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    @Test
    void aBoardInTheTrashIsPurgedWhenItsDaysAreUpAndOthersStay() {
        Http alice = Http.as(base, "alice");
        String kept = board(alice, "kept");
        String trashed = board(alice, "trashed");
        assertEquals(
                201,
                alice.putJson("api/boards/" + trashed + "/shapes/s-1", BoardClient.pen("s-1"))
                        .status());
        assertEquals(204, alice.putJson("api/boards/" + trashed + "/star", "").status());

        assertEquals(204, alice.delete("api/boards/" + trashed).status());
        Eventually.until(
                "the board in the trash is purged",
                Duration.ofSeconds(20),
                () -> alice.get("api/boards/" + trashed).status() == 404);
        assertError(alice.postJson("api/boards/" + trashed + "/restore", ""), 404, "not_found", null);
        assertFalse(ids(alice.get("api/boards?filter=trash")).contains(trashed));
        assertFalse(ids(alice.get("api/boards?filter=starred")).contains(trashed));
        assertEquals(200, alice.get("api/boards/" + kept).status(), "a board not in the trash stays");
        assertEquals(List.of(kept), ids(alice.get("api/boards?filter=mine&q=kept")));
    }

    @Test
    void someoneWithoutARoleIsRefusedAsOnEveryOtherCallOfTheBoard() {
        Http alice = Http.as(base, "alice");
        Http dave = Http.as(base, "dave");
        String board = board(alice, "private");
        assertError(
                dave.send("PATCH", "api/boards/" + board, "application/json", "{\"title\":\"x\"}"),
                403,
                "forbidden",
                null);
        assertError(dave.postJson("api/boards/" + board + "/duplicate", ""), 403, "forbidden", null);
        assertError(dave.putJson("api/boards/" + board + "/star", ""), 403, "forbidden", null);
        assertError(dave.delete("api/boards/" + board + "/star"), 403, "forbidden", null);
        assertError(dave.delete("api/boards/" + board), 403, "forbidden", null);
        assertError(dave.postJson("api/boards/" + board + "/restore", ""), 403, "forbidden", null);
        for (String filter : List.of("", "&filter=mine", "&filter=shared", "&filter=starred", "&filter=trash")) {
            assertFalse(ids(dave.get("api/boards?q=private" + filter)).contains(board), filter);
        }

        Http.Reply granted = alice.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}");
        assertEquals(200, granted.status(), granted::toString);
        assertEquals(List.of(board), ids(dave.get("api/boards?q=private&filter=shared")));
        assertEquals(204, dave.putJson("api/boards/" + board + "/star", "").status());
        assertEquals(List.of(board), ids(dave.get("api/boards?filter=starred")));
        assertEquals(204, alice.delete("api/boards/" + board + "/members/dave").status());
        assertEquals(List.of(), ids(dave.get("api/boards?filter=starred")), "a star does not show a board any more");
    }

    @Test
    void theLiveConnectionsOfABoardMovedToTheTrashAreToldAndClosed() {
        Http alice = Http.as(base, "alice");
        String board = board(alice, "live");
        Http.Reply granted = alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"viewer\"}");
        assertEquals(200, granted.status(), granted::toString);
        String url =
                Http.as(base, "bob").get("api/negotiate?board=" + board).json().getString("url");
        try (BoardClient owner = BoardClient.join(base, "alice", board);
                WsClient viewer = WsClient.reliable(url)) {
            viewer.next(); // connected
            owner.socket()
                    .nextMatching(m -> BoardClient.isServerMessage(m, "presence")
                            && "bob".equals(m.getJsonObject("data").getString("joined", "")));

            assertEquals(204, alice.delete("api/boards/" + board).status());

            for (WsClient socket : List.of(viewer, owner.socket())) {
                JsonObject disconnected = socket.nextMatching(m ->
                        "system".equals(m.getString("type", "")) && "disconnected".equals(m.getString("event", "")));
                assertTrue(disconnected.getString("message").contains("trash"), disconnected::toString);
                assertEquals(1000, socket.awaitClose());
            }
            assertError(Http.as(base, "bob").get("api/negotiate?board=" + board), 404, "not_found", null);
        }
    }

    @Test
    void aCopyKeepsTheBackgroundColour() {
        Http alice = Http.as(base, "alice");
        String board = board(alice, "coloured");
        try (BoardClient owner = BoardClient.join(base, "alice", board)) {
            assertEquals(
                    "result",
                    owner.send("setBackground", "\"color\":\"#fdf6e3\"").getString("type"));
        }
        Http.Reply copied = alice.postJson("api/boards/" + board + "/duplicate", "");
        assertEquals(201, copied.status(), copied::toString);
        assertEquals("#fdf6e3", copied.json().getString("backgroundColor"));
        assertEquals("coloured (copy)", copied.json().getString("title"));
    }

    private static List<String> ids(Http.Reply listing) {
        assertEquals(200, listing.status(), listing::toString);
        return listing.array().stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
    }
}
