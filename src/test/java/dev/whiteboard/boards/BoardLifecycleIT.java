package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A board's life over REST (issue 21, item 2): renamed, duplicated, starred, found, moved to the trash (where it is
 * gone for everyone but its owners, and its live connections are closed), restored and purged; each call's roles and
 * bad input. On the shared server everyone signed in is an editor unless granted another role; private boards, live
 * connections (the shared server's hub sends its events to a test receiver, not to the app) and the automatic purge
 * are in {@link BoardTrashIT}.
 */
@ExtendWith(SharedServer.class)
class BoardLifecycleIT {

    private static final AtomicInteger NONCE = new AtomicInteger();

    private URI base;
    private Http alice;
    private Http bob;
    private Http carol;
    /** A word that only this test's boards have in their titles, to find them among the shared server's boards. */
    private String tag;

    @BeforeEach
    void connect() {
        base = SharedServer.baseUri();
        alice = Http.as(base, "alice");
        bob = Http.as(base, "bob");
        carol = Http.as(base, "carol");
        tag = "lc" + System.nanoTime() + "x" + NONCE.incrementAndGet();
    }

    private String board(Http owner, String title) {
        Http.Reply created = owner.postJson("api/boards", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private void grant(String board, String user, String role) {
        Http.Reply granted = alice.putJson("api/boards/" + board + "/members/" + user, "{\"role\":\"" + role + "\"}");
        assertEquals(200, granted.status(), granted::toString);
    }

    private Http.Reply patch(Http http, String board, String json) {
        return http.send("PATCH", "api/boards/" + board, "application/json", json);
    }

    private List<String> listed(Http http, String query) {
        Http.Reply reply = http.get("api/boards?" + query);
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private JsonObject listedBoard(Http http, String query, String board) {
        return http.get("api/boards?" + query).array().stream()
                .map(JsonValue::asJsonObject)
                .filter(b -> b.getString("id").equals(board))
                .findFirst()
                .orElseThrow(() -> new AssertionError(board + " not listed with " + query));
    }

    @Test
    void anOwnerRenamesABoardUnderTheRulesOfANewTitle() {
        String board = board(alice, tag + " before");
        JsonObject before = alice.get("api/boards/" + board).json();
        Http.Reply renamed = patch(alice, board, "{\"title\":\"  " + tag + " after  \"}");
        assertEquals(200, renamed.status(), renamed::toString);
        JsonObject after = renamed.json();
        assertEquals(tag + " after", after.getString("title"));
        assertEquals("alice", after.getString("owner"));
        assertEquals("alice", after.getString("changedBy"));
        assertFalse(OffsetDateTime.parse(after.getString("changedAt"))
                .isBefore(OffsetDateTime.parse(before.getString("changedAt"))));
        assertEquals(before.getJsonNumber("version"), after.getJsonNumber("version"), "the title is not the content");
        assertEquals(after, alice.get("api/boards/" + board).json());
        assertEquals(
                tag + " after",
                listedBoard(alice, "q=" + tag, board).getString("title"),
                "the list shows the new title");

        String exactly = "x".repeat(120);
        assertEquals(
                exactly,
                patch(alice, board, "{\"title\":\"" + exactly + "\"}").json().getString("title"));
    }

    @Test
    void aRenameWithBadInputIsRefusedNamingTheFieldAndChangesNothing() {
        String board = board(alice, tag + " kept");
        assertError(patch(alice, board, "{\"title\":\"\"}"), 400, "invalid", "title");
        assertError(patch(alice, board, "{\"title\":\"   \"}"), 400, "invalid", "title");
        assertError(patch(alice, board, "{\"title\":\"" + "x".repeat(121) + "\"}"), 400, "invalid", "title");
        assertError(patch(alice, board, "{\"title\":\"bell\\u0007\"}"), 400, "invalid", "title");
        assertError(patch(alice, board, "{\"title\":5}"), 400, "invalid", "title");
        assertError(patch(alice, board, "{\"title\":\"\\ud800\"}"), 400, "invalid", "title");
        assertError(patch(alice, board, "{}"), 400, "invalid", "title");
        assertError(patch(alice, board, ""), 400, "invalid", "title");
        assertError(patch(alice, board, "{\"title\":\"ok\",\"owner\":\"bob\"}"), 400, "invalid", "owner");
        assertError(patch(alice, board, "{\"title\":"), 400, "invalid", null);
        assertError(patch(alice, board, "[\"title\"]"), 400, "invalid", null);
        assertError(alice.send("PATCH", "api/boards/" + board, "text/plain", "title"), 415, "unsupported_type", null);
        assertError(patch(alice, "zzzzzzzzzz", "{\"title\":\"x\"}"), 404, "not_found", null);
        assertError(patch(alice, "NOT-AN-ID", "{\"title\":\"x\"}"), 404, "not_found", null);
        assertEquals(tag + " kept", alice.get("api/boards/" + board).json().getString("title"));
    }

    @Test
    void editorsAndViewersCannotRenameTrashRestoreOrPurge() {
        String board = board(alice, tag + " roles");
        grant(board, "carol", "viewer"); // bob is an editor by default
        for (Http notOwner : List.of(bob, carol)) {
            assertError(patch(notOwner, board, "{\"title\":\"mine now\"}"), 403, "forbidden", null);
            assertError(notOwner.delete("api/boards/" + board), 403, "forbidden", null);
            assertError(notOwner.postJson("api/boards/" + board + "/restore", ""), 403, "forbidden", null);
            assertError(notOwner.delete("api/boards/" + board + "?purge=true"), 403, "forbidden", null);
        }
        assertEquals(tag + " roles", alice.get("api/boards/" + board).json().getString("title"));

        assertEquals(204, alice.delete("api/boards/" + board).status());
        for (Http notOwner : List.of(bob, carol)) {
            // in the trash, the board does not exist for them
            assertError(notOwner.postJson("api/boards/" + board + "/restore", ""), 404, "not_found", null);
            assertError(notOwner.delete("api/boards/" + board + "?purge=true"), 404, "not_found", null);
            assertError(notOwner.delete("api/boards/" + board), 404, "not_found", null);
        }
        assertEquals(200, alice.get("api/boards/" + board).status(), "not purged by them");
    }

    @Test
    void grantedOwnersManageTheBoardLikeItsCreator() {
        String board = board(alice, tag + " co-owned");
        grant(board, "bob", "owner");
        assertEquals(
                200, patch(bob, board, "{\"title\":\"" + tag + " by bob\"}").status());
        assertEquals(204, bob.delete("api/boards/" + board).status());
        assertTrue(listed(bob, "filter=trash&q=" + tag).contains(board), "in the trash of every owner");
        assertTrue(listed(alice, "filter=trash&q=" + tag).contains(board));
        assertEquals(200, bob.postJson("api/boards/" + board + "/restore", "").status());
    }

    @Test
    void aBoardInTheTrashIsGoneForEveryoneButItsOwnersLookingInTheTrash() {
        String board = boardWithAShapeAStarAndAViewer("trashed");

        assertEquals(204, alice.delete("api/boards/" + board).status());
        assertEquals(204, alice.delete("api/boards/" + board).status(), "moving it again changes nothing");

        for (Http anyone : List.of(alice, bob, carol)) {
            for (String filter : List.of("", "&filter=mine", "&filter=shared", "&filter=starred")) {
                assertFalse(listed(anyone, "q=" + tag + filter).contains(board), "left every list: " + filter);
            }
            assertError(anyone.get("api/negotiate?board=" + board), 404, "not_found", null);
            assertError(
                    anyone.putJson("api/boards/" + board + "/shapes/s-2", BoardClient.pen("s-2")),
                    404,
                    "not_found",
                    null);
            assertError(anyone.get("api/boards/" + board + "/members"), 404, "not_found", null);
            assertError(anyone.get("api/boards/" + board + "/presence"), 404, "not_found", null);
            assertError(anyone.get("api/chat/board:" + board + "/messages"), 404, "not_found", null);
            assertError(patch(anyone, board, "{\"title\":\"x\"}"), 404, "not_found", null);
            assertError(anyone.putJson("api/boards/" + board + "/star", ""), 404, "not_found", null);
            assertError(anyone.postJson("api/boards/" + board + "/duplicate", ""), 404, "not_found", null);
        }
        for (Http notOwner : List.of(bob, carol)) {
            assertError(notOwner.get("api/boards/" + board), 404, "not_found", null);
            assertError(notOwner.get("api/boards/" + board + "/diagram"), 404, "not_found", null);
            assertFalse(listed(notOwner, "filter=trash&q=" + tag).contains(board), "not in their trash");
        }

        JsonObject inTrash = listedBoard(alice, "filter=trash&q=" + tag, board);
        assertEquals("owner", inTrash.getString("role"));
        OffsetDateTime.parse(inTrash.getString("deletedAt"));
        JsonObject read = alice.get("api/boards/" + board).json();
        assertEquals(inTrash.getString("deletedAt"), read.getString("deletedAt"), "the owner reads it in the trash");
        assertEquals(
                "s-1",
                alice.get("api/boards/" + board + "/diagram")
                        .json()
                        .getJsonArray("shapes")
                        .getJsonObject(0)
                        .getString("id"),
                "and sees what is on it");
    }

    @Test
    void aRestoredBoardComesBackWholeAndOnlyABoardInTheTrashIsRestoredOrPurged() {
        String board = boardWithAShapeAStarAndAViewer("restored");
        assertError(alice.postJson("api/boards/" + board + "/restore", ""), 409, "conflict", null);
        assertError(alice.delete("api/boards/" + board + "?purge=true"), 409, "conflict", null);
        assertError(alice.delete("api/boards/" + board + "?purge=yes"), 400, "invalid", "purge");

        assertEquals(204, alice.delete("api/boards/" + board).status());
        Http.Reply restored = alice.postJson("api/boards/" + board + "/restore", "");
        assertEquals(200, restored.status(), restored::toString);
        assertFalse(restored.json().containsKey("deletedAt"));
        assertError(alice.postJson("api/boards/" + board + "/restore", ""), 409, "conflict", null);

        assertTrue(listed(alice, "q=" + tag).contains(board));
        assertFalse(listed(alice, "filter=trash&q=" + tag).contains(board));
        assertTrue(listed(bob, "filter=starred&q=" + tag).contains(board), "bob's star stayed");
        assertEquals("viewer", carol.get("api/boards/" + board).json().getString("role"), "roles stayed");
        assertEquals(
                1,
                alice.get("api/boards/" + board + "/diagram")
                        .json()
                        .getJsonArray("shapes")
                        .size());
        assertEquals(200, carol.get("api/chat/board:" + board + "/messages").status(), "its chat is back");
        assertEquals(200, bob.get("api/negotiate?board=" + board).status(), "it can be joined again");
    }

    @Test
    void aPurgedBoardIsGoneWithEverythingItHad() {
        String board = board(alice, tag + " purged");
        assertEquals(
                201,
                alice.putJson("api/boards/" + board + "/shapes/s-1", BoardClient.pen("s-1"))
                        .status());
        assertEquals(
                200,
                alice.put("api/boards/" + board + "/background", "image/png", Images.encode("png"))
                        .status());
        grant(board, "carol", "editor");
        assertEquals(204, alice.putJson("api/boards/" + board + "/star", "").status());
        assertEquals(204, alice.delete("api/boards/" + board).status());

        assertEquals(204, alice.delete("api/boards/" + board + "?purge=true").status());
        assertError(alice.get("api/boards/" + board), 404, "not_found", null);
        assertError(alice.get("api/boards/" + board + "/background"), 404, "not_found", null);
        assertError(alice.postJson("api/boards/" + board + "/restore", ""), 404, "not_found", null);
        assertError(alice.delete("api/boards/" + board + "?purge=true"), 404, "not_found", null);
        assertError(alice.delete("api/boards/" + board), 404, "not_found", null);
        assertFalse(listed(alice, "filter=trash&q=" + tag).contains(board));
        assertFalse(listed(alice, "filter=starred&q=" + tag).contains(board));
    }

    @Test
    void aBoardIsDuplicatedWithItsLiveShapesAndBackgroundForWhoeverMayViewIt() {
        String board = board(alice, tag + " original");
        grant(board, "carol", "viewer");
        for (String shape : List.of("s-1", "s-2", "s-3")) {
            assertEquals(
                    201,
                    alice.putJson("api/boards/" + board + "/shapes/" + shape, BoardClient.pen(shape))
                            .status());
        }
        assertEquals(204, alice.delete("api/boards/" + board + "/shapes/s-2").status());
        byte[] image = Images.encode("png");
        assertEquals(
                200,
                alice.put("api/boards/" + board + "/background", "image/png", image)
                        .status());

        Http.Reply copied = carol.postJson("api/boards/" + board + "/duplicate", "");
        assertEquals(201, copied.status(), copied::toString);
        JsonObject copy = copied.json();
        String id = copy.getString("id");
        assertTrue(copied.header("Location").endsWith("/api/boards/" + id), copied.header("Location"));
        assertEquals(tag + " original (copy)", copy.getString("title"));
        assertEquals("carol", copy.getString("owner"), "the caller owns the copy");
        assertEquals("owner", copy.getString("role"));

        JsonObject diagram = carol.get("api/boards/" + id + "/diagram").json();
        assertEquals(
                List.of("s-1", "s-3"),
                diagram.getJsonArray("shapes").stream()
                        .map(s -> s.asJsonObject().getString("id"))
                        .toList(),
                "the live shapes, not the removed one");
        JsonObject originalShape = alice.get("api/boards/" + board + "/diagram")
                .json()
                .getJsonArray("shapes")
                .getJsonObject(0);
        JsonObject copiedShape = diagram.getJsonArray("shapes").getJsonObject(0);
        assertEquals(originalShape.getJsonArray("points"), copiedShape.getJsonArray("points"));
        assertEquals(originalShape.getJsonNumber("z"), copiedShape.getJsonNumber("z"));
        Http.Reply background = carol.get("api/boards/" + id + "/background");
        assertEquals(200, background.status());
        assertArrayEquals(image, background.body());

        assertEquals(
                201,
                carol.putJson("api/boards/" + id + "/shapes/s-4", BoardClient.pen("s-4"))
                        .status());
        assertEquals(
                2,
                alice.get("api/boards/" + board + "/diagram")
                        .json()
                        .getJsonArray("shapes")
                        .size(),
                "the original is untouched");
    }

    @Test
    void aCopyTakesTheTitleItIsGivenUnderTheTitleRules() {
        String board = board(alice, tag + " source");
        Http.Reply named = bob.postJson("api/boards/" + board + "/duplicate", "{\"title\":\" " + tag + " named \"}");
        assertEquals(201, named.status(), named::toString);
        assertEquals(tag + " named", named.json().getString("title"));
        assertEquals("bob", named.json().getString("owner"));
        assertEquals(0, named.json().getJsonNumber("version").longValue(), "an empty board copied is empty");
        assertEquals(
                201,
                bob.send("POST", "api/boards/" + board + "/duplicate", null, null)
                        .status(),
                "no body at all");

        String longest = board(alice, "y".repeat(120));
        assertEquals(
                "y".repeat(113) + " (copy)",
                alice.postJson("api/boards/" + longest + "/duplicate", "{}")
                        .json()
                        .getString("title"));

        int before = listed(bob, "filter=mine&limit=500&q=" + tag).size();
        assertError(bob.postJson("api/boards/" + board + "/duplicate", "{\"title\":\"\"}"), 400, "invalid", "title");
        assertError(
                bob.postJson("api/boards/" + board + "/duplicate", "{\"title\":\"" + "x".repeat(121) + "\"}"),
                400,
                "invalid",
                "title");
        assertError(bob.postJson("api/boards/" + board + "/duplicate", "{\"shapes\":false}"), 400, "invalid", "shapes");
        assertError(bob.postJson("api/boards/" + board + "/duplicate", "{\"title\":"), 400, "invalid", null);
        assertError(bob.postJson("api/boards/zzzzzzzzzz/duplicate", ""), 404, "not_found", null);
        assertEquals(before, listed(bob, "filter=mine&limit=500&q=" + tag).size(), "nothing was made");
    }

    @Test
    void listsSearchTitlesPickSectionsAndSort() {
        String beta = board(alice, "Beta " + tag);
        String alpha = board(alice, "alpha " + tag.toUpperCase(java.util.Locale.ROOT));
        String gamma = board(bob, "Gamma " + tag);
        String other = board(alice, "Other " + tag.substring(0, tag.length() - 1) + "_");
        grant(beta, "carol", "viewer");

        assertEquals(List.of(gamma, alpha, beta), listed(alice, "q=" + tag), "newest first, case-insensitive");
        assertEquals(List.of(gamma, alpha, beta), listed(alice, "q=" + tag + "&sort=created"));
        assertEquals(List.of(alpha, beta, gamma), listed(alice, "q=" + tag + "&sort=title"));
        assertEquals(
                200, patch(alice, beta, "{\"title\":\"Beta " + tag + "!\"}").status());
        assertEquals(beta, listed(alice, "q=" + tag + "&sort=changed").get(0), "the last changed first");
        assertEquals(List.of(alpha), listed(alice, "q=alpha%20" + tag));
        assertEquals(
                List.of(other),
                listed(alice, "q=" + tag.substring(0, tag.length() - 1) + "_"),
                "_ in a search is a character, not a wildcard");
        assertEquals(List.of(gamma), listed(alice, "q=" + tag + "&limit=1"));
        assertEquals(List.of(alpha), listed(alice, "q=" + tag + "&offset=1&limit=1"));

        assertEquals(List.of(alpha, beta), listed(alice, "q=" + tag + "&filter=mine"));
        assertEquals(List.of(gamma), listed(bob, "q=" + tag + "&filter=mine"));
        assertEquals(List.of(), listed(bob, "q=" + tag + "&filter=shared"), "a default role is not a share");
        assertEquals(List.of(beta), listed(carol, "q=" + tag + "&filter=shared"));

        JsonObject listed = listedBoard(carol, "q=" + tag, beta);
        assertEquals("alice", listed.getString("owner"));
        assertEquals("viewer", listed.getString("role"));
        assertFalse(listed.getBoolean("starred"));
        OffsetDateTime.parse(listed.getString("createdAt"));
        OffsetDateTime.parse(listed.getString("changedAt"));
        assertEquals("alice", listed.getString("changedBy"));
    }

    @Test
    void anyoneWhoMayViewABoardStarsItForThemselvesOnly() {
        String board = board(alice, tag + " starred");
        String plain = board(alice, tag + " plain");
        grant(board, "carol", "viewer");
        assertEquals(204, carol.putJson("api/boards/" + board + "/star", "").status());
        assertEquals(204, carol.putJson("api/boards/" + board + "/star", "").status(), "starred again: the same");
        assertTrue(listedBoard(carol, "q=" + tag, board).getBoolean("starred"));
        assertTrue(carol.get("api/boards/" + board).json().getBoolean("starred"));
        assertFalse(listedBoard(carol, "q=" + tag, plain).getBoolean("starred"));
        assertFalse(listedBoard(alice, "q=" + tag, board).getBoolean("starred"), "a star is the caller's own");
        assertEquals(List.of(board), listed(carol, "q=" + tag + "&filter=starred"));
        assertEquals(List.of(), listed(alice, "q=" + tag + "&filter=starred"));

        assertEquals(204, carol.delete("api/boards/" + board + "/star").status());
        assertEquals(204, carol.delete("api/boards/" + board + "/star").status(), "taken away again: the same");
        assertEquals(List.of(), listed(carol, "q=" + tag + "&filter=starred"));
        assertError(carol.putJson("api/boards/zzzzzzzzzz/star", ""), 404, "not_found", null);
        assertError(carol.delete("api/boards/NOT-AN-ID/star"), 404, "not_found", null);
    }

    @Test
    void badListParametersAreRefusedNamingTheParameter() {
        assertError(alice.get("api/boards?filter=everything"), 400, "invalid", "filter");
        assertError(alice.get("api/boards?filter=MINE"), 400, "invalid", "filter");
        assertError(alice.get("api/boards?sort=newest"), 400, "invalid", "sort");
        assertError(alice.get("api/boards?q=" + "x".repeat(121)), 400, "invalid", "q");
        assertError(alice.get("api/boards?limit=0&filter=mine"), 400, "invalid", "limit");
    }

    /** A board of alice's titled with the tag and {@code title}: one shape, starred by bob, carol its viewer. */
    private String boardWithAShapeAStarAndAViewer(String title) {
        String board = board(alice, tag + " " + title);
        grant(board, "carol", "viewer");
        assertEquals(
                201,
                alice.putJson("api/boards/" + board + "/shapes/s-1", BoardClient.pen("s-1"))
                        .status());
        assertEquals(204, bob.putJson("api/boards/" + board + "/star", "").status());
        return board;
    }
}
