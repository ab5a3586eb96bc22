package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.awaitLive;
import static dev.whiteboard.pages.BoardPages.canvasOrigin;
import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static dev.whiteboard.pages.BoardPages.unsaved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Multi-select, rotation and the clipboard (issue 15, items 1 and 2) in real browsers: a marquee and a group move
 * the other browser sees while it happens, one undo step for a group, rotation stored and seen, shapes copied in one
 * board and pasted in another, and a viewer doing none of it.
 */
@ExtendWith(AppServer.class)
class SelectionPageIT {

    private static JsonArray stored(Http http, String board) {
        return http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes");
    }

    private static Map<String, JsonObject> storedById(Http http, String board) {
        Map<String, JsonObject> byId = new HashMap<>();
        stored(http, board).forEach(v -> byId.put(v.asJsonObject().getString("id"), v.asJsonObject()));
        return byId;
    }

    private static double x0(JsonObject shape) {
        return shape.getJsonArray("points").getJsonNumber(0).doubleValue();
    }

    private static long selectionSize(Browser browser) {
        return (Long) browser.script("return window.whiteboard.state.selection.size;");
    }

    /** The first x of shape {@code id} as the browser's scene has it (stored or local), or -1. */
    private static double sceneX(Browser browser, String id) {
        Number x = (Number) browser.script(
                "const s = window.whiteboard.state; const shape = s.local.get(arguments[0]) || s.shapes.get(arguments[0]);"
                        + " return shape ? shape.points[0] : -1;",
                id);
        return x.doubleValue();
    }

    /** The first x of shape {@code id} as someone else is moving it right now (their live edit), or -1. */
    private static double liveX(Browser browser, String id) {
        Number x = (Number) browser.script(
                "const p = window.whiteboard.state.peers.get(arguments[0]);"
                        + " return p && p.replaces ? p.shape.points[0] : -1;",
                id);
        return x.doubleValue();
    }

    private static void key(Browser browser, CharSequence key, boolean control) {
        Actions actions = new Actions(browser.driver());
        if (control) {
            actions.keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL);
        } else {
            actions.sendKeys(key);
        }
        actions.perform();
    }

    @Test
    void aMarqueeSelectsAGroupWhoseMoveTheOtherSeesLiveAndWhichUndoesAndDeletesAsOneStep() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Selection");
        owner.putJson("api/boards/" + board + "/shapes/a", "{\"kind\":\"rectangle\",\"points\":[100,100,200,160]}");
        owner.putJson(
                "api/boards/" + board + "/shapes/b",
                "{\"kind\":\"ellipse\",\"fill\":\"#ffc9c9\",\"points\":[220,100,300,160]}");
        owner.putJson("api/boards/" + board + "/shapes/c", "{\"kind\":\"rectangle\",\"points\":[500,300,560,360]}");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            alice.await(d -> shapeCount(alice) == 3 ? true : null);
            bob.await(d -> shapeCount(bob) == 3 ? true : null);
            double[] o = canvasOrigin(alice);
            int left = (int) o[0], top = (int) o[1];
            key(alice, "v", false);

            // the marquee takes what lies wholly inside it: a and b, not c
            new Actions(alice.driver())
                    .moveToLocation(left + 60, top + 60)
                    .clickAndHold()
                    .moveByOffset(150, 70)
                    .moveByOffset(170, 80)
                    .release()
                    .perform();
            assertEquals(Set.of("a", "b"), Set.copyOf((java.util.List<?>)
                    alice.script("return [...window.whiteboard.state.selection];")));

            // Shift+click adds c, and takes it out again
            new Actions(alice.driver())
                    .keyDown(Keys.SHIFT)
                    .moveToLocation(left + 500, top + 330)
                    .click()
                    .keyUp(Keys.SHIFT)
                    .perform();
            assertEquals(3L, selectionSize(alice));
            new Actions(alice.driver())
                    .keyDown(Keys.SHIFT)
                    .moveToLocation(left + 500, top + 330)
                    .click()
                    .keyUp(Keys.SHIFT)
                    .perform();
            assertEquals(2L, selectionSize(alice));

            // the group is dragged: bob sees it move while the button is still down
            new Actions(alice.driver())
                    .moveToLocation(left + 150, top + 101)
                    .clickAndHold()
                    .moveByOffset(20, 20)
                    .pause(100)
                    .moveByOffset(30, 30)
                    .pause(100)
                    .moveByOffset(50, 50)
                    .perform();
            bob.await(d -> liveX(bob, "a") == 200 && liveX(bob, "b") == 320 ? true : null);
            assertEquals(100, sceneX(bob, "a"), "nothing is stored while it is dragged");
            bob.screenshot("board-group-move-live");
            new Actions(alice.driver()).release().perform();
            alice.await(d -> {
                Map<String, JsonObject> now = storedById(owner, board);
                return unsaved(alice) == 0 && x0(now.get("a")) == 200 && x0(now.get("b")) == 320 ? true : null;
            });
            assertEquals(500, x0(storedById(owner, board).get("c")), "c was not selected");
            bob.await(d -> sceneX(bob, "a") == 200 && sceneX(bob, "b") == 320 && liveX(bob, "a") == -1 ? true : null);

            // one undo puts both back
            key(alice, "z", true);
            alice.await(d -> {
                Map<String, JsonObject> now = storedById(owner, board);
                return unsaved(alice) == 0 && x0(now.get("a")) == 100 && x0(now.get("b")) == 220 ? true : null;
            });
            bob.await(d -> sceneX(bob, "a") == 100 && sceneX(bob, "b") == 220 ? true : null);

            // Ctrl+A, Delete: everything goes as one change, and one undo brings it all back
            key(alice, "a", true);
            assertEquals(3L, selectionSize(alice));
            key(alice, Keys.DELETE, false);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, board).isEmpty() ? true : null);
            bob.await(d -> shapeCount(bob) == 0 ? true : null);
            key(alice, "z", true);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, board).size() == 3 ? true : null);
            bob.await(d -> shapeCount(bob) == 3 ? true : null);

            // restyled together: one change
            key(alice, "a", true);
            alice.find(By.cssSelector("[data-colour='#e03131']")).click();
            alice.await(d -> unsaved(alice) == 0
                            && stored(owner, board).stream()
                                    .allMatch(v ->
                                            "#e03131".equals(v.asJsonObject().getString("stroke")))
                    ? true
                    : null);
            assertEquals(
                    "#e0313140", storedById(owner, board).get("b").getString("fill"), "a filled shape keeps a fill");
        }
    }

    private static JsonObject byKind(JsonArray shapes, String kind) {
        return shapes.stream()
                .map(v -> v.asJsonObject())
                .filter(s -> s.getString("kind").equals(kind))
                .findFirst()
                .orElseThrow();
    }

    private static double point(JsonObject shape, int i) {
        return shape.getJsonArray("points").getJsonNumber(i).doubleValue();
    }

    @Test
    void aGroupResizesInProportionFromACornerAndIsCutAndPastedBackAsOneStepEach() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Resize and cut");
        owner.putJson("api/boards/" + board + "/shapes/a", "{\"kind\":\"rectangle\",\"points\":[100,100,200,160]}");
        owner.putJson(
                "api/boards/" + board + "/shapes/b",
                "{\"kind\":\"ellipse\",\"fill\":\"#ffc9c9\",\"points\":[220,100,300,160]}");
        try (Browser alice = onBoard("alice", board)) {
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            double[] o = canvasOrigin(alice);
            int left = (int) o[0], top = (int) o[1];
            key(alice, "v", false);
            key(alice, "a", true);
            // the pointer goes to whole pixels and the canvas may sit at a fraction of one (the toolbar's height):
            // the figures below hold within half a pixel
            // the box around both is [97, 97, 303, 163] (the shapes' and their strokes'); its bottom-right corner
            // dragged to twice as far from the top-left one doubles the group, whatever the pointer's slant
            new Actions(alice.driver())
                    .moveToLocation(left + 303, top + 163)
                    .clickAndHold()
                    .moveToLocation(left + 400, top + 200)
                    .moveToLocation(left + 509, top + 229)
                    .release()
                    .perform();
            alice.await(d ->
                    unsaved(alice) == 0 && Math.abs(x0(storedById(owner, board).get("b")) - 343) < 0.5 ? true : null);
            JsonObject a = storedById(owner, board).get("a");
            assertEquals(103, point(a, 0), 0.5, a::toString);
            assertEquals(103, point(a, 1), 0.5, a::toString);
            assertEquals(303, point(a, 2), 0.5, a::toString);
            assertEquals(223, point(a, 3), 0.5, a::toString);
            alice.screenshot("board-group-resized");

            // cut: gone as one change; pasted at the pointer with new ids; each undone in one step
            key(alice, "x", true);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, board).isEmpty() ? true : null);
            new Actions(alice.driver()).moveToLocation(left + 600, top + 300).perform();
            key(alice, "v", true);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, board).size() == 2 ? true : null);
            JsonArray pasted = stored(owner, board);
            JsonObject box = byKind(pasted, "rectangle");
            assertFalse(Set.of("a", "b").contains(box.getString("id")), "new ids");
            assertEquals(200, point(box, 2) - point(box, 0), 0.5, "the size is kept");
            assertEquals(600, (x0(box) + point(byKind(pasted, "ellipse"), 2)) / 2, 3, "centred on the pointer");
            assertEquals(2L, selectionSize(alice), "the pasted shapes are selected");
            key(alice, "z", true);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, board).isEmpty() ? true : null);
            key(alice, "z", true);
            alice.await(d ->
                    unsaved(alice) == 0 && storedById(owner, board).keySet().equals(Set.of("a", "b")) ? true : null);
            assertEquals(343, x0(storedById(owner, board).get("b")), 0.5, "as it was cut");
        }
    }

    @Test
    void aSelectionLargerThanOneBatchIsDeletedAndBroughtBackAsOneUndoStep() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Many");
        try (Browser alice = onBoard("alice", board)) {
            StringBuilder shapes = new StringBuilder();
            for (int i = 0; i < 600; i++) {
                shapes.append(i == 0 ? "" : ",")
                        .append("{\"kind\":\"rectangle\",\"points\":[")
                        .append(i % 30 * 20)
                        .append(',')
                        .append(i / 30 * 20)
                        .append(',')
                        .append(i % 30 * 20 + 10)
                        .append(',')
                        .append(i / 30 * 20 + 10)
                        .append("]}");
            }
            alice.script(
                    "window.whiteboard.importJson(arguments[0]);",
                    "{\"format\":\"whiteboard\",\"version\":1,\"shapes\":[" + shapes + "]}");
            alice.await(d -> unsaved(alice) == 0 && stored(owner, board).size() == 600 ? true : null);
            key(alice, "v", false);
            key(alice, "a", true);
            assertEquals(600L, selectionSize(alice));
            key(alice, Keys.DELETE, false);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, board).isEmpty() ? true : null);
            key(alice, "z", true);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, board).size() == 600 ? true : null);
        }
    }

    @Test
    void undoLeavesAloneWhatSomeoneElseChangedSince() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        Http bobHttp = Http.as(AppServer.baseUri(), "bob");
        String board = newBoard(owner, "Undo is mine");
        owner.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}");
        owner.putJson("api/boards/" + board + "/shapes/a", "{\"kind\":\"rectangle\",\"points\":[100,100,200,160]}");
        owner.putJson("api/boards/" + board + "/shapes/b", "{\"kind\":\"rectangle\",\"points\":[300,100,400,160]}");
        try (Browser alice = onBoard("alice", board)) {
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            double[] o = canvasOrigin(alice);
            key(alice, "v", false);
            key(alice, "a", true);
            new Actions(alice.driver())
                    .moveToLocation((int) o[0] + 150, (int) o[1] + 101)
                    .clickAndHold()
                    .moveByOffset(10, 20)
                    .moveByOffset(10, 20)
                    .release()
                    .perform();
            alice.await(d -> unsaved(alice) == 0 && x0(storedById(owner, board).get("a")) == 120 ? true : null);
            // bob moves b meanwhile
            bobHttp.putJson(
                    "api/boards/" + board + "/shapes/b", "{\"kind\":\"rectangle\",\"points\":[600,600,700,660]}");
            alice.await(d -> sceneX(alice, "b") == 600 ? true : null);
            key(alice, "z", true);
            alice.await(d -> unsaved(alice) == 0 && x0(storedById(owner, board).get("a")) == 100 ? true : null);
            assertEquals(600, x0(storedById(owner, board).get("b")), "bob's move of b stays");
        }
    }

    @Test
    void aShapeSomeoneElseRemovesDuringAGroupMoveStaysRemoved() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Removed meanwhile");
        owner.putJson("api/boards/" + board + "/shapes/a", "{\"kind\":\"rectangle\",\"points\":[100,100,200,160]}");
        owner.putJson("api/boards/" + board + "/shapes/b", "{\"kind\":\"rectangle\",\"points\":[300,100,400,160]}");
        try (Browser alice = onBoard("alice", board)) {
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            double[] o = canvasOrigin(alice);
            key(alice, "v", false);
            key(alice, "a", true);
            new Actions(alice.driver())
                    .moveToLocation((int) o[0] + 150, (int) o[1] + 101)
                    .clickAndHold()
                    .moveByOffset(10, 20)
                    .moveByOffset(10, 20)
                    .perform();
            Http.as(AppServer.baseUri(), "alice").delete("api/boards/" + board + "/shapes/b");
            alice.await(d -> (Boolean) alice.script("return !window.whiteboard.state.shapes.has('b');") ? true : null);
            new Actions(alice.driver()).release().perform();
            alice.await(d -> unsaved(alice) == 0 && x0(storedById(owner, board).get("a")) == 120 ? true : null);
            assertEquals(Set.of("a"), storedById(owner, board).keySet(), "b is not brought back");
        }
    }

    @Test
    void aShapeTurnedWithTheKnobSnapsWithShiftAndIsStoredSeenAndExported() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Rotation");
        owner.putJson("api/boards/" + board + "/shapes/r", "{\"kind\":\"rectangle\",\"points\":[100,100,300,200]}");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            alice.await(d -> shapeCount(alice) == 1 ? true : null);
            double[] o = canvasOrigin(alice);
            int left = (int) o[0], top = (int) o[1];
            key(alice, "v", false);
            new Actions(alice.driver())
                    .moveToLocation(left + 150, top + 101)
                    .click()
                    .perform();
            assertEquals(1L, selectionSize(alice));
            // the knob is 24 px above the middle of the box's top edge (the box is the shape's, 3 units out)
            new Actions(alice.driver())
                    .moveToLocation(left + 200, top + 97 - 24)
                    .clickAndHold()
                    .keyDown(Keys.SHIFT)
                    .moveToLocation(left + 260, top + 120)
                    .moveToLocation(left + 303, top + 152)
                    .release()
                    .keyUp(Keys.SHIFT)
                    .perform();
            alice.await(d -> unsaved(alice) == 0 ? true : null);
            JsonObject r = storedById(owner, board).get("r");
            assertEquals(90, r.getJsonNumber("rotation").doubleValue(), r::toString);
            assertEquals(100, x0(r), "turning a single shape leaves its points");
            bob.await(d ->
                    ((Number) bob.script("const s = window.whiteboard.state.shapes.get('r'); return s.rotation || 0;"))
                                            .doubleValue()
                                    == 90
                            ? true
                            : null);
            String svg = (String) bob.script("return window.whiteboard.exportSvg();");
            assertTrue(svg.contains("transform=\"rotate(90 200 150)\""), svg);
            bob.screenshot("board-rotated");
        }
    }

    @Test
    void aGroupTurnsAboutTheMiddleOfItsBox() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Group rotation");
        owner.putJson("api/boards/" + board + "/shapes/a", "{\"kind\":\"rectangle\",\"points\":[100,100,200,160]}");
        owner.putJson("api/boards/" + board + "/shapes/b", "{\"kind\":\"rectangle\",\"points\":[300,100,400,160]}");
        try (Browser alice = onBoard("alice", board)) {
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            double[] o = canvasOrigin(alice);
            int left = (int) o[0], top = (int) o[1];
            key(alice, "v", false);
            key(alice, "a", true);
            // the box is [97, 97, 403, 163]: its middle (250, 130), the knob 24 px above the top edge's middle
            new Actions(alice.driver())
                    .moveToLocation(left + 250, top + 97 - 24)
                    .clickAndHold()
                    .keyDown(Keys.SHIFT)
                    .moveToLocation(left + 320, top + 100)
                    .moveToLocation(left + 350, top + 131)
                    .release()
                    .keyUp(Keys.SHIFT)
                    .perform();
            alice.await(d -> unsaved(alice) == 0
                            && storedById(owner, board).get("a").containsKey("rotation")
                            && storedById(owner, board).get("b").containsKey("rotation")
                    ? true
                    : null);
            // each shape's middle went a quarter turn round (250, 130), and each shape turned a quarter
            double[][] expected = {{200, 0, 300, 60}, {200, 200, 300, 260}};
            String[] ids = {"a", "b"};
            for (int s = 0; s < 2; s++) {
                JsonObject shape = storedById(owner, board).get(ids[s]);
                assertEquals(90, shape.getJsonNumber("rotation").doubleValue(), shape::toString);
                for (int i = 0; i < 4; i++) {
                    assertEquals(expected[s][i], point(shape, i), 0.02, shape::toString);
                }
            }
        }
    }

    @Test
    void rotationOnTheWireIsANumberNormalisedAndAViewerCannotTurn() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Rotation REST");
        Http.Reply turned = owner.putJson(
                "api/boards/" + board + "/shapes/t",
                "{\"kind\":\"rectangle\",\"points\":[0,0,10,10],\"rotation\":-450}");
        assertEquals(201, turned.status(), turned::toString);
        assertEquals(270, turned.json().getJsonNumber("rotation").doubleValue());
        assertEquals(
                270,
                stored(owner, board).getJsonObject(0).getJsonNumber("rotation").doubleValue());
        Http.Reply notANumber = owner.putJson(
                "api/boards/" + board + "/shapes/u",
                "{\"kind\":\"rectangle\",\"points\":[0,0,10,10],\"rotation\":\"45\"}");
        assertEquals(400, notANumber.status(), notANumber::toString);
        Http.Reply unturned = owner.putJson(
                "api/boards/" + board + "/shapes/v",
                "{\"kind\":\"rectangle\",\"points\":[0,0,10,10],\"rotation\":720}");
        assertFalse(unturned.json().containsKey("rotation"), "no rotation is left out: " + unturned);

        owner.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}");
        Http dave = Http.as(AppServer.baseUri(), "dave");
        Http.Reply refused = dave.putJson(
                "api/boards/" + board + "/shapes/t", "{\"kind\":\"rectangle\",\"points\":[0,0,10,10],\"rotation\":10}");
        assertEquals(403, refused.status(), refused::toString);
    }

    @Test
    void shapesCopiedInOneBoardPasteIntoAnotherWithNewIdsAndTextPastesAsText() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String from = newBoard(owner, "Copy from");
        String to = newBoard(owner, "Paste to");
        owner.putJson(
                "api/boards/" + from + "/shapes/box",
                "{\"kind\":\"rectangle\",\"points\":[100,100,200,160],\"rotation\":30}");
        owner.putJson(
                "api/boards/" + from + "/shapes/note",
                "{\"kind\":\"note\",\"text\":\"Copied\",\"points\":[300,100,400,200]}");
        try (Browser alice = onBoard("alice", from);
                Browser bob = onBoard("bob", to)) {
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            key(alice, "v", false);
            key(alice, "a", true);
            key(alice, "c", true);
            // Ctrl+D: copies beside the originals, selected
            key(alice, "d", true);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, from).size() == 4 ? true : null);
            assertEquals(2L, selectionSize(alice));

            alice.open("board.html?id=" + to);
            awaitLive(alice);
            double[] o = canvasOrigin(alice);
            new Actions(alice.driver())
                    .moveToLocation((int) o[0] + 400, (int) o[1] + 300)
                    .perform();
            key(alice, "v", true);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, to).size() == 2 ? true : null);
            JsonArray pasted = stored(owner, to);
            Set<String> kinds =
                    pasted.stream().map(v -> v.asJsonObject().getString("kind")).collect(Collectors.toSet());
            assertEquals(Set.of("rectangle", "note"), kinds);
            pasted.forEach(v ->
                    assertFalse(Set.of("box", "note").contains(v.asJsonObject().getString("id")), "new ids"));
            JsonObject box = pasted.stream()
                    .map(v -> v.asJsonObject())
                    .filter(s -> s.getString("kind").equals("rectangle"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(30, box.getJsonNumber("rotation").doubleValue(), box::toString);
            assertNotEquals(100, x0(box), "pasted at the pointer, not where it was");
            bob.await(d -> shapeCount(bob) == 2 ? true : null);

            // plain text from the clipboard (copied from the chat box) becomes a text shape
            alice.find(By.id("chat-toggle")).click();
            alice.find(By.id("chat-text")).sendKeys("Pasted words");
            new Actions(alice.driver())
                    .keyDown(Keys.CONTROL)
                    .sendKeys("a")
                    .sendKeys("c")
                    .keyUp(Keys.CONTROL)
                    .perform();
            new Actions(alice.driver())
                    .moveToLocation((int) o[0] + 100, (int) o[1] + 400)
                    .click()
                    .perform();
            key(alice, "v", true);
            alice.await(d -> unsaved(alice) == 0 && stored(owner, to).size() == 3 ? true : null);
            assertTrue(
                    stored(owner, to).stream()
                            .anyMatch(v -> "text".equals(v.asJsonObject().getString("kind"))
                                    && "Pasted words".equals(v.asJsonObject().getString("text"))),
                    () -> stored(owner, to).toString());
        }
    }

    @Test
    void aViewerSelectsPastesDuplicatesAndDeletesNothing() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Selection, look only");
        owner.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}");
        owner.putJson("api/boards/" + board + "/shapes/a", "{\"kind\":\"rectangle\",\"points\":[100,100,200,160]}");
        try (Browser dave = onBoard("dave", board)) {
            dave.await(d -> shapeCount(dave) == 1 ? true : null);
            double[] o = canvasOrigin(dave);
            key(dave, "v", false);
            new Actions(dave.driver())
                    .moveToLocation((int) o[0] + 150, (int) o[1] + 101)
                    .click()
                    .perform();
            key(dave, "a", true);
            assertEquals(0L, selectionSize(dave), "a viewer selects nothing");
            key(dave, "d", true);
            key(dave, Keys.DELETE, false);
            dave.script(
                    "const data = new DataTransfer(); data.setData('text/plain', arguments[0]);"
                            + " document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));",
                    "{\"type\":\"whiteboard/shapes\",\"version\":1,\"shapes\":[{\"kind\":\"rectangle\",\"points\":[0,0,5,5]}]}");
            dave.script("const data = new DataTransfer(); data.setData('text/plain', 'words');"
                    + " document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));");
            assertEquals(1L, shapeCount(dave));
            assertEquals(0L, unsaved(dave));
        }
        assertEquals(1, stored(owner, board).size());
    }
}
