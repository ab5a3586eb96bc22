package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/boards}: creating, reading and listing boards, and every way of getting it wrong. */
@ExtendWith(SharedServer.class)
class BoardsApiIT {

    private Http http;

    @BeforeEach
    void connect() {
        http = new Http(SharedServer.baseUri());
    }

    @Test
    void aCreatedBoardCanBeReadBackAndIsListedFirst() {
        Http.Reply created = http.postJson("api/boards", "{\"title\":\"  Sprint review  \"}");
        assertEquals(201, created.status(), created::toString);
        JsonObject board = created.json();
        String id = board.getString("id");
        assertTrue(id.matches("[a-z0-9]{10}"), id);
        assertEquals("Sprint review", board.getString("title"));
        assertEquals("alice", board.getString("createdBy"), "the signed-in caller");
        assertEquals(0, board.getJsonNumber("version").longValue());
        OffsetDateTime.parse(board.getString("createdAt"));
        assertTrue(created.header("Location").endsWith("/api/boards/" + id), created.header("Location"));

        Http.Reply read = http.get("api/boards/" + id);
        assertEquals(200, read.status());
        assertEquals(board, read.json());

        String newer =
                http.postJson("api/boards", "{\"title\":\"Retro\"}").json().getString("id");
        List<String> listed = ids(http.get("api/boards?limit=2"));
        assertEquals(List.of(newer, id), listed);
    }

    @Test
    void listingPagesWithOffsetAndLimit() {
        for (int i = 0; i < 3; i++) {
            http.postJson("api/boards", "{\"title\":\"page " + i + "\"}");
        }
        List<String> firstThree = ids(http.get("api/boards?limit=3"));
        assertEquals(3, firstThree.size());
        assertEquals(firstThree.subList(1, 3), ids(http.get("api/boards?offset=1&limit=2")));
        assertEquals(1, ids(http.get("api/boards?limit=1")).size());
    }

    @Test
    void badPagingIsRejected() {
        assertError(http.get("api/boards?limit=abc"), 400, "invalid", "limit");
        assertError(http.get("api/boards?limit=0"), 400, "invalid", "limit");
        assertError(http.get("api/boards?limit=501"), 400, "invalid", "limit");
        assertError(http.get("api/boards?offset=-1"), 400, "invalid", "offset");
        assertError(http.get("api/boards?offset=1.5"), 400, "invalid", "offset");
    }

    @Test
    void invalidBoardsAreRejectedAndNothingIsStored() {
        int before = http.get("api/boards?limit=500").array().size();
        assertError(http.postJson("api/boards", "{\"title\":\"\"}"), 400, "invalid", "title");
        assertError(http.postJson("api/boards", "{\"title\":\"   \"}"), 400, "invalid", "title");
        assertError(http.postJson("api/boards", "{}"), 400, "invalid", "title");
        assertError(http.postJson("api/boards", "{\"title\":\"" + "x".repeat(121) + "\"}"), 400, "invalid", "title");
        assertError(http.postJson("api/boards", "{\"title\":\"bell\\u0007\"}"), 400, "invalid", "title");
        assertError(http.postJson("api/boards", "{\"title\":"), 400, "invalid", null);
        assertError(http.postJson("api/boards", "[1,2]"), 400, "invalid", null);
        assertError(http.postJson("api/boards", ""), 400, "invalid", null);
        assertError(http.send("POST", "api/boards", "text/plain", "title"), 415, "unsupported_type", null);
        assertEquals(before, http.get("api/boards?limit=500").array().size());
    }

    @Test
    void aTitleOfExactlyTheLimitIsAccepted() {
        String title = "x".repeat(120);
        assertEquals(
                title,
                http.postJson("api/boards", "{\"title\":\"" + title + "\"}")
                        .json()
                        .getString("title"));
    }

    @Test
    void unknownBoardsPathsAndMethodsAnswerWithJsonErrors() {
        assertError(http.get("api/boards/zzzzzzzzzz"), 404, "not_found", null);
        assertError(http.get("api/boards/NOT-AN-ID"), 404, "not_found", null);
        assertError(http.get("api/boards/zzzzzzzzzz/diagram"), 404, "not_found", null);
        assertError(http.get("api/no-such-thing"), 404, "not_found", null);
        Http.Reply notAllowed = http.send("PATCH", "api/boards", "application/json", "{}");
        assertError(notAllowed, 405, "method_not_allowed", null);
        String allow = notAllowed.header("Allow");
        assertTrue(allow != null && allow.contains("GET") && allow.contains("POST"), String.valueOf(allow));
    }

    @Test
    void textFromUsersComesBackVerbatim() {
        String title = "<script>alert('x')</script> & \\\"quotes\\\" ✏️";
        JsonObject board =
                http.postJson("api/boards", "{\"title\":\"" + title + "\"}").json();
        assertEquals("<script>alert('x')</script> & \"quotes\" ✏️", board.getString("title"));
        assertFalse(http.get("api/boards/" + board.getString("id")).text().contains("&lt;"));
    }

    private static List<String> ids(Http.Reply listing) {
        assertEquals(200, listing.status(), listing::toString);
        return listing.array().stream()
                .map(v -> ((JsonString) v.asJsonObject().get("id")).getString())
                .toList();
    }
}
