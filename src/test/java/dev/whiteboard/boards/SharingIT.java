package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sharing (issue 21, item 3) over REST, on private boards ({@code default-role=none}): link access (off / anyone
 * signed in can view / can edit) counts in the one role decision and only owners set it; the creator, a board's
 * last owner, cannot be removed; members are listed with what to call them; the people search finds built-in
 * accounts for signed-in callers only, with limits. And the boards list names the owner and the last editor.
 */
class SharingIT {

    private static TestServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        server = TestServer.onOwnDatabase("sharing")
                .withEnvironment("WHITEBOARD_BOARDS_DEFAULT_ROLE", "none")
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
        assertEquals("off", created.json().getString("linkAccess"), created::toString);
        return created.json().getString("id");
    }

    private static Http.Reply link(Http who, String board, String access) {
        return who.putJson("api/boards/" + board + "/link", "{\"access\":\"" + access + "\"}");
    }

    @Test
    void linkAccessLetsAnyoneSignedInViewOrEditAndOffTakesItBack() {
        Http alice = Http.as(base, "alice");
        Http carol = Http.as(base, "carol");
        String board = board(alice, "By link");
        assertError(carol.get("api/boards/" + board + "/diagram"), 403, "forbidden", null);

        Http.Reply shared = link(alice, board, "view");
        assertEquals(200, shared.status(), shared::toString);
        assertEquals("view", shared.json().getString("linkAccess"));
        assertEquals("view", alice.get("api/boards/" + board).json().getString("linkAccess"));
        Http.Reply read = carol.get("api/boards/" + board + "/diagram");
        assertEquals(200, read.status(), read::toString);
        assertEquals("viewer", read.json().getJsonObject("board").getString("role"));
        assertError(
                carol.putJson("api/boards/" + board + "/shapes/s-1", BoardClient.pen("s-1")), 403, "forbidden", null);
        assertFalse(ids(carol.get("api/boards")).contains(board), "a board shared by link is not in everyone's list");

        assertEquals(200, link(alice, board, "edit").status());
        assertEquals(
                201,
                carol.putJson("api/boards/" + board + "/shapes/s-1", BoardClient.pen("s-1"))
                        .status());
        assertError(link(carol, board, "off"), 403, "forbidden", null); // editors do not decide who has access

        assertEquals(200, link(alice, board, "off").status());
        assertError(carol.get("api/boards/" + board + "/diagram"), 403, "forbidden", null);
    }

    @Test
    void linkAccessRefusesBadInputNamingTheField() {
        Http alice = Http.as(base, "alice");
        String board = board(alice, "Link input");
        assertError(link(alice, board, "everyone"), 400, "invalid", "access");
        assertError(alice.putJson("api/boards/" + board + "/link", "{}"), 400, "invalid", "access");
        assertError(alice.putJson("api/boards/" + board + "/link", ""), 400, "invalid", "access");
        assertError(
                alice.putJson("api/boards/" + board + "/link", "{\"access\":\"view\",\"public\":true}"),
                400,
                "invalid",
                "public");
        assertError(link(alice, "nosuchboard", "view"), 404, "not_found", null);
        assertError(link(Http.anonymous(base), board, "view"), 401, "unauthenticated", null);
        assertEquals("off", alice.get("api/boards/" + board).json().getString("linkAccess"));
    }

    @Test
    void theCreatorIsTheLastOwnerAndCannotBeRemovedOtherOwnersCan() {
        Http alice = Http.as(base, "alice");
        Http bob = Http.as(base, "bob");
        String board = board(alice, "Owners");
        assertEquals(
                200,
                alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"owner\"}")
                        .status());

        assertError(bob.delete("api/boards/" + board + "/members/alice"), 409, "conflict", "user");
        assertError(alice.delete("api/boards/" + board + "/members/alice"), 409, "conflict", "user");
        assertEquals(204, bob.delete("api/boards/" + board + "/members/bob").status(), "another owner can go");
        assertError(bob.delete("api/boards/" + board + "/members/alice"), 403, "forbidden", null);

        JsonArray members = alice.get("api/boards/" + board + "/members").array();
        assertEquals(1, members.size(), members::toString);
        JsonObject creator = members.getJsonObject(0);
        assertEquals("alice", creator.getString("user"));
        assertEquals("owner", creator.getString("role"));
        assertEquals("Alice Andersen", creator.getString("name"));
    }

    @Test
    void onePersonsRoleIsTheRoleTheAppDecidesForEveryoneOnTheBoardToSee() {
        Http alice = Http.as(base, "alice");
        String board = board(alice, "Whose role");
        assertEquals(
                200,
                alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"viewer\"}")
                        .status());

        JsonObject bob = alice.get("api/boards/" + board + "/members/bob").json();
        assertEquals("viewer", bob.getString("role"));
        assertEquals("Bob Berg", bob.getString("name"));
        assertEquals(
                "owner",
                Http.as(base, "bob")
                        .get("api/boards/" + board + "/members/alice")
                        .json()
                        .getString("role"));
        assertError(alice.get("api/boards/" + board + "/members/carol"), 404, "not_found", "user");
        assertError(Http.as(base, "carol").get("api/boards/" + board + "/members/alice"), 403, "forbidden", null);

        assertEquals(200, link(alice, board, "edit").status());
        assertEquals(
                "editor",
                alice.get("api/boards/" + board + "/members/carol").json().getString("role"),
                "link access counts");
    }

    @Test
    void thePeopleSearchFindsAccountsByIdOrNameForSignedInCallersOnly() {
        Http alice = Http.as(base, "alice");
        JsonArray found = alice.get("api/people?q=BO").array();
        assertEquals(1, found.size(), found::toString);
        assertEquals("bob", found.getJsonObject(0).getString("user"));
        assertEquals("Bob Berg", found.getJsonObject(0).getString("name"));
        assertEquals(List.of("carol"), users(alice.get("api/people?q=chen")), "by display name, case insensitive");
        assertEquals(List.of("alice", "carol"), users(alice.get("api/people?q=a&limit=2")));
        assertEquals(List.of(), users(alice.get("api/people?q=%25")), "a % is a letter, not a wildcard");

        assertError(alice.get("api/people"), 400, "invalid", "q");
        assertError(alice.get("api/people?q=%20%20"), 400, "invalid", "q");
        assertError(alice.get("api/people?q=" + "x".repeat(65)), 400, "invalid", "q");
        assertError(alice.get("api/people?q=bo&limit=0"), 400, "invalid", "limit");
        assertError(alice.get("api/people?q=bo&limit=21"), 400, "invalid", "limit");
        assertError(alice.get("api/people?q=bo&limit=many"), 400, "invalid", "limit");
        assertError(Http.anonymous(base).get("api/people?q=bo"), 401, "unauthenticated", null);
    }

    @Test
    void theListNamesTheOwnerAndTheLastEditorAndSharedWithMeHasTheGrantedBoards() {
        Http alice = Http.as(base, "alice");
        Http bob = Http.as(base, "bob");
        String board = board(alice, "Named");
        assertEquals(
                200,
                alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}")
                        .status());
        assertEquals(
                201,
                bob.putJson("api/boards/" + board + "/shapes/s-1", BoardClient.pen("s-1"))
                        .status());

        JsonObject listed = bob.get("api/boards?filter=shared&q=Named").array().stream()
                .map(JsonValue::asJsonObject)
                .filter(b -> b.getString("id").equals(board))
                .findFirst()
                .orElseThrow();
        assertEquals("Alice Andersen", listed.getString("ownerName"));
        assertEquals("bob", listed.getString("changedBy"));
        assertEquals("Bob Berg", listed.getString("changedByName"));
        assertEquals("editor", listed.getString("role"));
        assertTrue(ids(alice.get("api/boards?filter=mine")).contains(board));
    }

    private static List<String> ids(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private static List<String> users(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().stream()
                .map(v -> v.asJsonObject().getString("user"))
                .toList();
    }
}
