package dev.whiteboard.history;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The version history over REST and the real-time path: named versions with contributors and counts, a version's
 * content, restore (live to everyone, undone by restoring the checkpoint before it, racing with live drawing), what
 * changed between versions and since a visit, recovering one removed shape, the activity log, and the role checks and
 * bad input of each call.
 */
@ExtendWith(AppServer.class)
class HistoryIT {

    private final Http alice = Http.as(AppServer.baseUri(), "alice");
    private final Http bob = Http.as(AppServer.baseUri(), "bob");
    private final Http carol = Http.as(AppServer.baseUri(), "carol");
    private String board;

    @BeforeEach
    void newBoard() {
        board = alice.postJson("api/boards", "{\"title\":\"History\"}").json().getString("id");
    }

    private String path(String rest) {
        return "api/boards/" + board + "/" + rest;
    }

    private static String box(double x, String text) {
        return "{\"kind\":\"" + (text == null ? "rectangle" : "note") + "\",\"points\":[" + x + ",0," + (x + 100)
                + ",60]" + (text == null ? "" : ",\"text\":\"" + text + "\"") + "}";
    }

    private void put(Http who, String id, String json) {
        Http.Reply reply = who.putJson(path("shapes/" + id), json);
        assertTrue(reply.status() == 200 || reply.status() == 201, reply::toString);
    }

    private Map<String, JsonObject> live() {
        return shapes(alice.get(path("diagram")).json().getJsonArray("shapes"));
    }

    private static Map<String, JsonObject> shapes(JsonArray shapes) {
        return shapes.stream().map(JsonValue::asJsonObject).collect(Collectors.toMap(s -> s.getString("id"), s -> s));
    }

    private JsonObject save(Http who, String label) {
        Http.Reply saved = who.postJson(path("versions"), "{\"label\":\"" + label + "\"}");
        assertEquals(201, saved.status(), saved::toString);
        return saved.json();
    }

    private List<JsonObject> versions() {
        return alice.get(path("versions")).json().getJsonArray("versions").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private void grant(String user, String role) {
        Http.Reply granted = alice.putJson(path("members/" + user), "{\"role\":\"" + role + "\"}");
        assertEquals(200, granted.status(), granted::toString);
    }

    @Test
    void aNamedVersionListsWhoContributedAndWhatChanged() {
        put(alice, "a", box(0, "one"));
        put(bob, "b", box(200, null));
        JsonObject first = save(alice, "  First draft ");
        assertEquals("First draft", first.getString("label"), "the label is trimmed");
        assertEquals("named", first.getString("kind"));
        assertEquals(2, first.getInt("added"));
        assertEquals(Set.of("alice", "bob"), names(first.getJsonArray("contributors"), "user"));
        assertTrue(first.getJsonArray("contributors").stream()
                .allMatch(c -> !c.asJsonObject().getString("name").isBlank()));
        assertEquals("alice", first.getString("createdBy"));
        assertFalse(first.getString("createdByName").isBlank());
        assertTrue(alice.get(path("versions/" + first.getString("id")))
                .json()
                .getJsonObject("version")
                .getString("id")
                .equals(first.getString("id")));

        put(bob, "a", box(10, "one, moved"));
        bob.delete(path("shapes/b"));
        put(bob, "c", box(400, null));
        JsonObject second = save(bob, "Second");
        assertEquals(1, second.getInt("added"));
        assertEquals(1, second.getInt("changed"));
        assertEquals(1, second.getInt("removed"));
        assertEquals(Set.of("bob"), names(second.getJsonArray("contributors"), "user"));

        List<JsonObject> listed = versions();
        assertEquals(
                List.of(second.getString("id"), first.getString("id")),
                listed.stream().map(v -> v.getString("id")).toList(),
                "newest first");
        JsonObject page = alice.get(path("versions?limit=1")).json();
        assertTrue(page.getBoolean("more"));
        assertTrue(page.getBoolean("canSave") && page.getBoolean("canRestore") && page.getBoolean("canDelete"));
        JsonObject next = alice.get(path("versions?limit=1&before=" + second.getString("id")))
                .json();
        assertEquals(
                first.getString("id"),
                next.getJsonArray("versions").getJsonObject(0).getString("id"));
        assertFalse(next.getBoolean("more"));
    }

    @Test
    void aVersionsContentIsTheBoardAsItWasWhileTheLiveBoardMovesOn() {
        put(alice, "a", box(0, "before"));
        put(alice, "b", box(200, null));
        String id = save(alice, "v1").getString("id");
        put(alice, "a", box(0, "after"));
        alice.delete(path("shapes/b"));
        put(alice, "c", box(400, null));

        JsonObject content = alice.get(path("versions/" + id)).json();
        Map<String, JsonObject> then = shapes(content.getJsonArray("shapes"));
        assertEquals(Set.of("a", "b"), then.keySet());
        assertEquals("before", then.get("a").getString("text"));
        assertEquals(Set.of("a", "c"), live().keySet(), "the live board is untouched by reading a version");
        assertEquals("after", live().get("a").getString("text"));
    }

    @Test
    void aClearByOnePersonIsUndoneByAnotherThroughRestore() {
        grant("bob", "owner");
        put(alice, "a", box(0, "keep me"));
        put(alice, "b", box(200, null));
        try (BoardClient bobOnBoard = BoardClient.join(AppServer.baseUri(), "bob", board)) {
            JsonObject cleared = bobOnBoard.send("clearBoard", "");
            assertTrue(cleared.getBoolean("ok"), cleared::toString);
        }
        assertTrue(live().isEmpty());
        JsonObject beforeClear = versions().get(0);
        assertEquals("automatic", beforeClear.getString("kind"));
        assertEquals("clear", beforeClear.getString("reason"));

        try (BoardClient watcher = BoardClient.join(AppServer.baseUri(), "carol", board)) {
            Http.Reply restored = alice.postJson(path("versions/" + beforeClear.getString("id") + "/restore"), "");
            assertEquals(200, restored.status(), restored::toString);
            JsonObject message = watcher.nextFromServer("boardRestored");
            assertEquals(
                    beforeClear.getString("id"),
                    message.getJsonObject("restored").getString("id"));
            assertEquals("alice", message.getString("by"));
            assertFalse(message.getString("byName").isBlank());
            assertEquals(
                    restored.json().getJsonNumber("version").longValue(),
                    message.getJsonNumber("version").longValue());
            assertEquals(
                    message.getJsonNumber("fromVersion").longValue() + 1,
                    message.getJsonNumber("version").longValue());
        }
        assertEquals(Set.of("a", "b"), live().keySet());
        assertEquals("keep me", live().get("a").getString("text"));
    }

    @Test
    void aRestoreIsOneChangeAfterACheckpointAndCanItselfBeUndone() {
        put(alice, "a", box(0, "v1"));
        String v1 = save(alice, "v1").getString("id");
        put(alice, "a", box(0, "v2"));
        put(alice, "b", box(200, "v2"));
        long before = alice.get(path("diagram")).json().getJsonNumber("version").longValue();

        JsonObject restore =
                alice.postJson(path("versions/" + v1 + "/restore"), "").json();
        assertEquals(before + 1, restore.getJsonNumber("version").longValue(), "one new board version");
        JsonObject checkpoint = restore.getJsonObject("checkpoint");
        assertEquals("restore", checkpoint.getString("reason"));
        assertEquals(before, checkpoint.getJsonNumber("version").longValue());
        assertEquals(Set.of("a"), live().keySet());
        assertEquals("v1", live().get("a").getString("text"));

        alice.postJson(path("versions/" + checkpoint.getString("id") + "/restore"), "");
        assertEquals(Set.of("a", "b"), live().keySet(), "restoring the checkpoint undoes the restore");
        assertEquals("v2", live().get("a").getString("text"));
    }

    @Test
    void theBackgroundColourAndImageComeBackWithTheVersion() {
        byte[] first = Images.encode("png");
        byte[] second = Images.encode("gif");
        assertEquals(200, alice.put(path("background"), "image/png", first).status());
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board)) {
            assertTrue(a.send("setBackground", "\"color\":\"#fdf6e3\"").getBoolean("ok"));
        }
        JsonObject withFirst = save(alice, "First image");
        JsonObject firstImage = withFirst.getJsonObject("backgroundImage");
        assertEquals("#fdf6e3", withFirst.getString("backgroundColor"));
        assertEquals("image/png", firstImage.getString("contentType"));
        assertTrue(
                firstImage
                        .getString("url")
                        .startsWith(path("versions/" + withFirst.getString("id") + "/background?v=")),
                firstImage::toString);
        assertEquals(200, alice.put(path("background"), "image/gif", second).status());
        JsonObject withSecond = save(alice, "Second image");
        assertEquals("image/gif", withSecond.getJsonObject("backgroundImage").getString("contentType"));
        assertEquals(204, alice.delete(path("background")).status());
        JsonObject withNone = save(alice, "No image");
        assertFalse(withNone.containsKey("backgroundImage"), withNone::toString);

        // the version serves its own image, whatever the board shows now, to viewers too
        grant("carol", "viewer");
        Http.Reply kept = carol.get(firstImage.getString("url"));
        assertEquals(200, kept.status(), kept::toString);
        assertArrayEquals(first, kept.body());
        assertEquals("image/png", kept.header("Content-Type"));
        assertTrue(kept.header("Cache-Control").contains("max-age=31536000"), kept.header("Cache-Control"));
        assertError(alice.get(path("versions/" + withNone.getString("id") + "/background")), 404, "not_found", null);

        // a restore brings the version's image and colour back, as part of its one change
        Http.Reply restored = alice.postJson(path("versions/" + withFirst.getString("id") + "/restore"), "{}");
        assertEquals(200, restored.status(), restored::toString);
        JsonObject diagram = alice.get(path("diagram")).json();
        assertEquals("#fdf6e3", diagram.getJsonObject("board").getString("backgroundColor"), diagram::toString);
        assertArrayEquals(
                first,
                alice.get(diagram.getJsonObject("background").getString("url")).body());
        // ... and the checkpoint before it (no image) undoes that
        String before = restored.json().getJsonObject("checkpoint").getString("id");
        assertEquals(withNone.getString("id"), before, "the board had not changed since that version");
        Http.Reply undone = alice.postJson(path("versions/" + before + "/restore"), "{}");
        assertEquals(200, undone.status(), undone::toString);
        assertFalse(alice.get(path("diagram")).json().containsKey("background"));
        JsonObject withFirstAgain = undone.json().getJsonObject("checkpoint");
        assertEquals(
                "image/png", withFirstAgain.getJsonObject("backgroundImage").getString("contentType"));
        assertEquals(
                200,
                alice.postJson(path("versions/" + withSecond.getString("id") + "/restore"), "{}")
                        .status());
        assertArrayEquals(second, alice.get(path("background")).body());

        // an image stays kept while a version names it: the first is named by a checkpoint, the second by two
        assertEquals(
                204, alice.delete(path("versions/" + withFirst.getString("id"))).status());
        Http.Reply stillKept =
                alice.get(withFirstAgain.getJsonObject("backgroundImage").getString("url"));
        assertEquals(200, stillKept.status(), "the checkpoint before the undo names the first image too");
        assertArrayEquals(first, stillKept.body());
    }

    @Test
    void rolesDecideWhoSavesRestoresAndDeletes() {
        grant("carol", "viewer");
        put(alice, "a", box(0, null));
        String id = save(alice, "v").getString("id");
        JsonObject asViewer = carol.get(path("versions")).json();
        assertEquals(1, asViewer.getJsonArray("versions").size(), "viewers see the history");
        assertFalse(asViewer.getBoolean("canSave"));
        assertEquals(200, carol.get(path("versions/" + id)).status(), "and preview it");
        assertError(carol.postJson(path("versions"), "{\"label\":\"x\"}"), 403, "forbidden", null);
        assertError(bob.postJson(path("versions/" + id + "/restore"), ""), 403, "forbidden", null);
        assertError(bob.delete(path("versions/" + id)), 403, "forbidden", null);
        JsonObject asEditor = bob.get(path("versions")).json();
        assertTrue(asEditor.getBoolean("canSave"));
        assertFalse(asEditor.getBoolean("canRestore"));
        assertFalse(asEditor.getBoolean("canDelete"));
        assertEquals(
                201, bob.postJson(path("versions"), "{\"label\":\"by bob\"}").status(), "editors save versions");

        assertEquals(204, alice.delete(path("versions/" + id)).status());
        assertError(alice.get(path("versions/" + id)), 404, "not_found", "version");
        assertError(alice.delete(path("versions/" + id)), 404, "not_found", "version");
    }

    @Test
    void badInputGetsAClearError() {
        assertError(alice.postJson(path("versions"), "{\"label\":\"  \"}"), 400, "invalid", "label");
        assertError(
                alice.postJson(path("versions"), "{\"label\":\"" + "x".repeat(101) + "\"}"), 400, "invalid", "label");
        assertError(
                alice.postJson(path("versions"), "{\"label\":\"ok\",\"description\":\"" + "d".repeat(1001) + "\"}"),
                400,
                "invalid",
                "description");
        assertError(alice.postJson(path("versions"), "{\"label\":\"ok\",\"colour\":1}"), 400, "invalid", "colour");
        assertError(alice.postJson(path("versions"), ""), 400, "invalid", "label");
        assertError(alice.get(path("versions?limit=0")), 400, "invalid", "limit");
        assertError(alice.get(path("versions?limit=x")), 400, "invalid", "limit");
        assertError(alice.get(path("versions/nope")), 404, "not_found", "version");
        assertError(alice.get(path("versions?before=nope")), 404, "not_found", "before");
        assertError(alice.get(path("diff")), 400, "invalid", "from");
        assertError(alice.get(path("diff?from=nope")), 404, "not_found", "from");
        assertError(alice.putJson(path("visit"), "{\"version\":-1}"), 400, "invalid", "version");
        assertError(alice.putJson(path("visit"), "{\"version\":999999}"), 400, "invalid", "version");
        assertError(alice.putJson(path("visit"), "{}"), 400, "invalid", "version");
        assertError(alice.get(path("activity?format=xml")), 400, "invalid", "format");
        assertError(alice.get("api/boards/nosuchboard00000000000000/versions"), 404, "not_found", null);

        String other =
                alice.postJson("api/boards", "{\"title\":\"Other\"}").json().getString("id");
        put(alice, "a", box(0, null));
        String id = save(alice, "mine").getString("id");
        assertError(alice.get("api/boards/" + other + "/versions/" + id), 404, "not_found", "version");
    }

    @Test
    void theDiffListsAddedChangedAndRemovedShapes() {
        put(alice, "a", box(0, "a"));
        put(alice, "b", box(200, "b"));
        put(alice, "same", box(400, null));
        String v1 = save(alice, "v1").getString("id");
        put(alice, "a", box(0, "a changed"));
        alice.delete(path("shapes/b"));
        put(alice, "c", box(600, "new"));
        put(alice, "temp", box(800, null));
        alice.delete(path("shapes/temp")); // added and removed since: no difference
        String v2 = save(alice, "v2").getString("id");

        JsonObject diff = alice.get(path("diff?from=" + v1)).json();
        assertEquals(v1, diff.getJsonObject("from").getString("id"));
        assertFalse(diff.getJsonObject("to").containsKey("id"), "the live board is no version");
        assertEquals(Set.of("c"), ids(diff.getJsonArray("added")));
        assertEquals(Set.of("b"), ids(diff.getJsonArray("removed")));
        assertEquals("b", diff.getJsonArray("removed").getJsonObject(0).getString("text"), "as it was");
        JsonObject changed = diff.getJsonArray("changed").getJsonObject(0);
        assertEquals("a", changed.getJsonObject("before").getString("text"));
        assertEquals("a changed", changed.getJsonObject("after").getString("text"));
        assertEquals(1, diff.getJsonArray("changed").size());

        JsonObject backwards = alice.get(path("diff?from=" + v2 + "&to=" + v1)).json();
        assertEquals(Set.of("b"), ids(backwards.getJsonArray("added")));
        assertEquals(Set.of("c"), ids(backwards.getJsonArray("removed")));
        JsonObject none = alice.get(path("diff?from=" + v2 + "&to=live")).json();
        assertTrue(none.getJsonArray("added").isEmpty()
                && none.getJsonArray("changed").isEmpty()
                && none.getJsonArray("removed").isEmpty());
    }

    @Test
    void changesSinceMyLastVisit() {
        JsonObject first = bob.get(path("diff?from=visit")).json();
        assertTrue(first.getBoolean("firstVisit"));
        put(alice, "a", box(0, "a"));
        long seen = bob.get(path("diagram")).json().getJsonNumber("version").longValue();
        assertEquals(
                204, bob.putJson(path("visit"), "{\"version\":" + seen + "}").status());
        assertEquals(204, bob.putJson(path("visit"), "{\"version\":0}").status(), "an older version keeps the newer");
        put(alice, "a", box(0, "changed while bob was away"));
        put(alice, "b", box(200, null));

        JsonObject since = bob.get(path("diff?from=visit")).json();
        assertFalse(since.getBoolean("firstVisit"));
        assertEquals(seen, since.getJsonObject("from").getJsonNumber("version").longValue());
        assertEquals(Set.of("b"), ids(since.getJsonArray("added")));
        assertEquals(1, since.getJsonArray("changed").size());
        assertTrue(alice.get(path("diff?from=visit")).json().getBoolean("firstVisit"), "visits are per person");
    }

    @Test
    void oneRemovedShapeIsRecoveredAloneAndListedUntilThen() {
        put(alice, "a", box(0, "recover me"));
        put(alice, "b", box(200, "b"));
        put(alice, "a", box(50, "recover me, moved"));
        bob.delete(path("shapes/a"));
        put(alice, "b", box(200, "b changed after"));

        JsonArray removed = alice.get(path("removed-shapes")).json().getJsonArray("shapes");
        assertEquals(1, removed.size());
        JsonObject entry = removed.getJsonObject(0);
        assertEquals("a", entry.getJsonObject("shape").getString("id"));
        assertEquals("recover me, moved", entry.getJsonObject("shape").getString("text"), "its last live state");
        assertEquals("bob", entry.getString("removedBy"));

        try (BoardClient watcher = BoardClient.join(AppServer.baseUri(), "carol", board)) {
            Http.Reply recovered = bob.postJson(path("shapes/a/recover"), "");
            assertEquals(200, recovered.status(), recovered::toString);
            assertEquals(
                    "recover me, moved", recovered.json().getJsonObject("shape").getString("text"));
            JsonObject announced = watcher.nextFromServer("shapesChanged");
            assertEquals("a", announced.getJsonArray("put").getJsonObject(0).getString("id"));
        }
        assertEquals("recover me, moved", live().get("a").getString("text"));
        assertEquals("b changed after", live().get("b").getString("text"), "nothing else rolled back");
        assertTrue(
                alice.get(path("removed-shapes")).json().getJsonArray("shapes").isEmpty());

        assertError(bob.postJson(path("shapes/a/recover"), ""), 409, "conflict", "shape");
        assertError(bob.postJson(path("shapes/never/recover"), ""), 404, "not_found", "shape");
        grant("carol", "viewer");
        bob.delete(path("shapes/a"));
        assertError(carol.postJson(path("shapes/a/recover"), ""), 403, "forbidden", null);
    }

    @Test
    void theActivityLogSaysWhoDidWhatAndOwnersExportIt() {
        put(alice, "a", box(0, null));
        put(alice, "b", box(200, null));
        put(bob, "c", box(400, null));
        grant("bob", "editor");
        alice.send("PATCH", "api/boards/" + board, "application/json", "{\"title\":\"Renamed\"}");
        save(alice, "named");

        JsonObject page = bob.get(path("activity")).json();
        List<JsonObject> entries = page.getJsonArray("activity").stream()
                .map(JsonValue::asJsonObject)
                .toList();
        List<String> actions = entries.stream().map(e -> e.getString("action")).toList();
        assertEquals(
                List.of("version", "renamed", "role", "changed", "changed", "created"), actions, entries::toString);
        JsonObject aliceDrew = entries.get(4);
        assertEquals("alice", aliceDrew.getString("user"));
        assertEquals(2, aliceDrew.getInt("count"), "alice's two shapes in one entry");
        assertEquals("bob: editor", entries.get(2).getString("detail"));
        assertFalse(page.getBoolean("canExport"));

        JsonObject older = bob.get(
                        path("activity?limit=2&before=" + entries.get(1).getString("id")))
                .json();
        assertEquals(
                List.of("role", "changed"),
                older.getJsonArray("activity").stream()
                        .map(e -> e.asJsonObject().getString("action"))
                        .toList());
        assertTrue(older.getBoolean("more"));

        Http.Reply csv = alice.get(path("activity?format=csv"));
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv::toString);
        String[] lines = csv.text().split("\r\n");
        assertEquals("time,user,name,action,count,detail,version", lines[0]);
        assertEquals(7, lines.length, csv::text);
        assertError(bob.get(path("activity?format=csv")), 403, "forbidden", null);
    }

    @Test
    void aRestoreRacingWithLiveDrawingLosesNothingAcknowledged() throws Exception {
        put(alice, "base", box(0, "base"));
        String v1 = save(alice, "base").getString("id");
        ExecutorService drawers = Executors.newFixedThreadPool(2);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        try (BoardClient bobOnBoard = BoardClient.join(AppServer.baseUri(), "bob", board);
                BoardClient daveOnBoard = BoardClient.join(AppServer.baseUri(), "dave", board)) {
            List<Future<?>> drawing = new ArrayList<>();
            for (BoardClient client : List.of(bobOnBoard, daveOnBoard)) {
                String who = client == bobOnBoard ? "bob" : "dave";
                drawing.add(drawers.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        String id = who + "-" + i;
                        JsonObject result = client.draw(id);
                        if (result.getBoolean("ok")) {
                            acknowledged.add(id);
                        }
                    }
                }));
            }
            Thread.sleep(150);
            JsonObject restore =
                    alice.postJson(path("versions/" + v1 + "/restore"), "").json();
            for (Future<?> f : drawing) {
                f.get();
            }
            String checkpoint = restore.getJsonObject("checkpoint").getString("id");
            Set<String> head = live().keySet();
            Set<String> beforeRestore = shapes(
                            alice.get(path("versions/" + checkpoint)).json().getJsonArray("shapes"))
                    .keySet();
            for (String id : acknowledged) {
                assertTrue(
                        head.contains(id) || beforeRestore.contains(id),
                        id + " was acknowledged, and is neither in the head nor in the checkpoint before the restore");
            }
            assertTrue(head.contains("base"));
            assertEquals(60, acknowledged.size(), "new shapes are never refused by a restore");
            long restored = restore.getJsonNumber("version").longValue();
            for (BoardClient client : List.of(bobOnBoard, daveOnBoard)) {
                JsonObject told = client.nextFromServer("boardRestored");
                assertEquals(restored, told.getJsonNumber("version").longValue(), "both are told, with its version");
            }
        } finally {
            drawers.shutdownNow();
        }
        long version =
                alice.get(path("diagram")).json().getJsonNumber("version").longValue();
        assertNotEquals(0, version);
    }

    private static Set<String> ids(JsonArray shapes) {
        return shapes.stream()
                .map(s -> s.asJsonObject().getString("id"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(JsonArray people, String key) {
        return people.stream().map(p -> p.asJsonObject().getString(key)).collect(Collectors.toSet());
    }
}
