package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.canvasOrigin;
import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static dev.whiteboard.pages.BoardPages.unsaved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Order and lock (issue 15, item 6) in real browsers: two people reordering at once end with the same order as
 * the board (and a late joiner), a group's move is one undo step, a locked shape is neither selected nor moved by
 * the other until it is unlocked, and a viewer does none of it.
 */
@ExtendWith(AppServer.class)
class OrderLockPageIT {

    private static final String BOX = "{\"kind\":\"rectangle\",\"fill\":\"#ffc9c9\",\"points\":";

    /** The ids in drawing order as the board stores them. */
    private static List<String> storedOrder(Http http, String board) {
        return http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes").stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
    }

    private static JsonObject stored(Http http, String board, String id) {
        return http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes").stream()
                .map(v -> v.asJsonObject())
                .filter(s -> s.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The ids in drawing order as the browser's scene has them (what it draws). */
    @SuppressWarnings("unchecked")
    private static List<String> sceneOrder(Browser browser) {
        return (List<String>) browser.script("const s = window.whiteboard.state; const m = new Map(s.shapes);"
                + " s.local.forEach((v, k) => m.set(k, v)); s.localRemoved.forEach((k) => m.delete(k));"
                + " return [...m.values()].sort((a, b) => (a.z - b.z) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))"
                + ".map((x) => x.id);");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> selection(Browser browser) {
        return Set.copyOf((List<String>) browser.script("return [...window.whiteboard.state.selection];"));
    }

    private static void click(Browser browser, int x, int y, Keys modifier) {
        double[] o = canvasOrigin(browser);
        Actions actions = new Actions(browser.driver());
        if (modifier != null) {
            actions.keyDown(modifier);
        }
        actions.moveToLocation((int) o[0] + x, (int) o[1] + y).click();
        if (modifier != null) {
            actions.keyUp(modifier);
        }
        actions.perform();
    }

    /** Ctrl (and Shift, if {@code shift}) with {@code key}. */
    private static Actions chord(Browser browser, String key, boolean shift) {
        Actions actions = new Actions(browser.driver()).keyDown(Keys.CONTROL);
        if (shift) {
            actions.keyDown(Keys.SHIFT);
        }
        actions.sendKeys(key);
        if (shift) {
            actions.keyUp(Keys.SHIFT);
        }
        return actions.keyUp(Keys.CONTROL);
    }

    private static void awaitSame(Http owner, String board, Browser... browsers) {
        for (Browser browser : browsers) {
            browser.await(
                    d -> unsaved(browser) == 0 && sceneOrder(browser).equals(storedOrder(owner, board)) ? true : null);
        }
    }

    @Test
    void twoPeopleReorderingAtOnceEndWithTheSameOrderAsTheBoardAndALateJoiner() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Order");
        owner.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}");
        owner.putJson("api/boards/" + board + "/members/carol", "{\"role\":\"viewer\"}");
        owner.putJson("api/boards/" + board + "/shapes/a", BOX + "[100,100,200,160]}");
        owner.putJson("api/boards/" + board + "/shapes/b", BOX + "[150,120,250,180]}");
        owner.putJson("api/boards/" + board + "/shapes/c", BOX + "[300,100,400,160]}");
        owner.putJson("api/boards/" + board + "/shapes/d", BOX + "[450,100,550,160]}");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            alice.await(d -> shapeCount(alice) == 4 ? true : null);
            bob.await(d -> shapeCount(bob) == 4 ? true : null);
            new Actions(alice.driver()).sendKeys("v").perform();
            new Actions(bob.driver()).sendKeys("v").perform();
            click(alice, 110, 110, null);
            click(bob, 500, 130, null);
            assertEquals(Set.of("a"), selection(alice));
            assertEquals(Set.of("d"), selection(bob));

            // at once: alice brings a to the front, bob sends d to the back
            Actions aliceFront = chord(alice, "]", true);
            Actions bobBack = chord(bob, "[", true);
            aliceFront.perform();
            bobBack.perform();
            awaitSame(owner, board, alice, bob);
            assertEquals(List.of("d", "b", "c", "a"), storedOrder(owner, board));

            // at once again, one step each on the same stretch of the order
            chord(alice, "[", false).perform(); // a one step backward
            chord(bob, "]", false).perform(); // d one step forward
            awaitSame(owner, board, alice, bob);
            // whichever the board applied first, each step is one place: d, b, c, a becomes b, d, a, c
            assertEquals(List.of("b", "d", "a", "c"), storedOrder(owner, board));

            // a late joiner sees the same order
            try (Browser carol = onBoard("carol", board)) {
                carol.await(d -> shapeCount(carol) == 4 ? true : null);
                assertEquals(storedOrder(owner, board), sceneOrder(carol));
            }

            // a group goes to the back as one step, keeping its own order, and one undo puts it back
            List<String> before = storedOrder(owner, board);
            click(alice, 320, 130, null);
            click(alice, 500, 130, Keys.SHIFT);
            assertEquals(Set.of("c", "d"), selection(alice));
            chord(alice, "[", true).perform();
            awaitSame(owner, board, alice, bob);
            List<String> sent = storedOrder(owner, board);
            assertEquals(Set.of("c", "d"), Set.copyOf(sent.subList(0, 2)), sent.toString());
            assertEquals(before.indexOf("c") < before.indexOf("d"), sent.indexOf("c") < sent.indexOf("d"));
            chord(alice, "z", false).perform();
            awaitSame(owner, board, alice, bob);
            assertEquals(before, storedOrder(owner, board));
        }
    }

    @Test
    void aLockedShapeIsNeitherSelectedNorMovedByTheOtherUntilItIsUnlocked() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Lock");
        owner.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}");
        owner.putJson("api/boards/" + board + "/shapes/a", BOX + "[100,100,200,160]}");
        owner.putJson("api/boards/" + board + "/shapes/b", BOX + "[300,100,400,160]}");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            bob.await(d -> shapeCount(bob) == 2 ? true : null);
            new Actions(alice.driver()).sendKeys("v").perform();
            click(alice, 150, 130, null);
            alice.await(d -> alice.find(By.id("lock")).isDisplayed() ? true : null); // shown with a selection
            alice.find(By.id("lock")).click();
            alice.await(
                    d -> unsaved(alice) == 0 && stored(owner, board, "a").getBoolean("locked", false) ? true : null);
            bob.await(d -> Boolean.TRUE.equals(
                            bob.script("const s = window.whiteboard.state.shapes.get('a'); return s && s.locked;"))
                    ? true
                    : null);

            // bob: a click, a marquee and Ctrl+A pass over it; a drag from it moves nothing; Delete removes nothing
            new Actions(bob.driver()).sendKeys("v").perform();
            click(bob, 150, 130, null);
            assertEquals(Set.of(), selection(bob));
            double[] o = canvasOrigin(bob);
            new Actions(bob.driver())
                    .moveToLocation((int) o[0] + 60, (int) o[1] + 60)
                    .clickAndHold()
                    .moveByOffset(200, 70)
                    .moveByOffset(250, 80)
                    .release()
                    .perform();
            assertEquals(Set.of("b"), selection(bob));
            chord(bob, "a", false).perform();
            assertEquals(Set.of("b"), selection(bob));
            new Actions(bob.driver()).sendKeys(Keys.ESCAPE).perform();
            new Actions(bob.driver())
                    .moveToLocation((int) o[0] + 150, (int) o[1] + 130)
                    .clickAndHold()
                    .moveByOffset(40, 40)
                    .moveByOffset(40, 40)
                    .release()
                    .perform();
            new Actions(bob.driver()).sendKeys(Keys.DELETE).perform();
            assertEquals(0L, unsaved(bob));
            assertEquals(
                    100,
                    stored(owner, board, "a")
                            .getJsonArray("points")
                            .getJsonNumber(0)
                            .doubleValue());

            // Alt+click selects it, and the Lock button unlocks it; then it is an ordinary shape again
            click(bob, 150, 130, Keys.ALT);
            assertEquals(Set.of("a"), selection(bob));
            bob.await(d -> "Unlock".equals(bob.find(By.id("lock")).getText()) ? true : null);
            bob.find(By.id("lock")).click();
            bob.await(d -> unsaved(bob) == 0 && !stored(owner, board, "a").containsKey("locked") ? true : null);
            alice.await(d -> Boolean.FALSE.equals(alice.script(
                            "const s = window.whiteboard.state.shapes.get('a'); return Boolean(s && s.locked);"))
                    ? true
                    : null);
            new Actions(bob.driver()).sendKeys(Keys.ESCAPE).perform();
            click(bob, 150, 130, null);
            assertEquals(Set.of("a"), selection(bob));
        }
    }

    @Test
    void aViewerNeitherReordersNorLocks() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Order, look only");
        owner.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}");
        owner.putJson("api/boards/" + board + "/shapes/a", BOX + "[100,100,200,160]}");
        owner.putJson("api/boards/" + board + "/shapes/b", BOX + "[150,120,250,180]}");
        try (Browser dave = onBoard("dave", board)) {
            dave.await(d -> shapeCount(dave) == 2 ? true : null);
            assertFalse(
                    dave.driver().findElement(By.id("arrange-bar")).isDisplayed(),
                    "no order or lock buttons for a viewer");
            // even with the shape put in its selection by hand, the keys do nothing
            dave.script("window.whiteboard.state.selection = new Set(['a']);");
            chord(dave, "]", true).perform();
            chord(dave, "l", true).perform();
            assertEquals(0L, unsaved(dave));
            assertFalse(
                    dave.driver().findElement(By.id("arrange-bar")).isDisplayed(), "not even with something selected");
            // and the app refuses what a viewer's client might send anyway
            Object refused = dave.asyncScript("const done = arguments[arguments.length - 1];"
                    + " window.whiteboard.connection.send('changeShapes', {put: [{id: 'a', kind: 'rectangle',"
                    + " points: [100, 100, 200, 160], order: 'front', locked: true}]})"
                    + ".then(() => done('stored'), (r) => done(r.error ? r.error.status : 'failed'));");
            assertEquals(403L, refused);
        }
        assertEquals(List.of("a", "b"), storedOrder(owner, board));
        assertFalse(stored(owner, board, "a").containsKey("locked"));
    }
}
