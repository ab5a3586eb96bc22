package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.awaitLive;
import static dev.whiteboard.pages.BoardPages.canvasOrigin;
import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static dev.whiteboard.pages.BoardPages.unsaved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.interactions.Actions;

/**
 * Connectors (issue 15, item 5) in real browsers: an arrow drawn from one shape to another binds to both, follows
 * the shape that is moved (live for the watcher, then stored), carries a label typed on a double click, keeps its
 * place after a reload, and comes off a shape that is removed (undo binds it again).
 */
@ExtendWith(AppServer.class)
class ConnectorsPageIT {

    /** The arrow of the board as stored, or null. */
    private static JsonObject storedArrow(Http http, String board) {
        return http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes").stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> "arrow".equals(s.getString("kind")))
                .findFirst()
                .orElse(null);
    }

    private static double storedY1(Http http, String board) {
        JsonObject arrow = storedArrow(http, board);
        return arrow == null
                ? -1
                : arrow.getJsonArray("points").getJsonNumber(3).doubleValue();
    }

    /** The arrow as the browser's scene has it (changed here first): {id, points, start, end, label}, or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sceneArrow(Browser browser) {
        return (Map<String, Object>) browser.script("const s = window.whiteboard.state;"
                + " const all = new Map([...s.shapes, ...s.local]);"
                + " const a = [...all.values()].find(x => x.kind === 'arrow');"
                + " return a ? { id: a.id, points: a.points, start: a.start ? a.start.shape : null,"
                + " end: a.end ? a.end.shape : null, label: a.label || null } : null;");
    }

    @SuppressWarnings("unchecked")
    private static double sceneY1(Browser browser) {
        Map<String, Object> arrow = sceneArrow(browser);
        return arrow == null ? -1 : ((List<Number>) arrow.get("points")).get(3).doubleValue();
    }

    /** The arrow's second y as someone else is moving things right now (their live edit), or -1. */
    private static double liveY1(Browser browser, String id) {
        Number y = (Number) browser.script(
                "const p = window.whiteboard.state.peers.get(arguments[0]);"
                        + " return p && p.replaces ? p.shape.points[3] : -1;",
                id);
        return y.doubleValue();
    }

    /** Waits for {@code condition} in {@code browser}; when it does not come, fails with both scenes. */
    private static void awaitOr(Browser browser, BooleanSupplier condition, Browser alice, Browser bob) {
        try {
            browser.await(d -> condition.getAsBoolean() ? true : null);
        } catch (TimeoutException e) {
            String scene = "const s = window.whiteboard.state; return JSON.stringify({ tool: s.tool,"
                    + " selection: [...s.selection], shapes: [...s.shapes.values()], local: [...s.local.values()],"
                    + " peers: [...s.peers.entries()] });";
            throw new AssertionError("alice: " + alice.script(scene) + "\nbob: " + bob.script(scene), e);
        }
    }

    /** Equal to the app's 1/100 of a unit (points are kept to two decimals). */
    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 0.011;
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
    void anArrowBetweenTwoShapesFollowsTheMovedOneForTheWatcherAndIsStoredWhereItWasDrawnLast() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Connectors");
        owner.putJson("api/boards/" + board + "/shapes/a", "{\"kind\":\"rectangle\",\"points\":[100,100,200,160]}");
        owner.putJson("api/boards/" + board + "/shapes/b", "{\"kind\":\"rectangle\",\"points\":[400,100,500,160]}");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            bob.await(d -> shapeCount(bob) == 2 ? true : null);
            double[] o = canvasOrigin(alice);
            int left = (int) o[0], top = (int) o[1];

            // an arrow from inside a to inside b: both ends bound
            key(alice, "a", false);
            new Actions(alice.driver())
                    .moveToLocation(left + 190, top + 130)
                    .clickAndHold()
                    .moveByOffset(100, 0)
                    .moveByOffset(110, 0)
                    .release()
                    .perform();
            alice.await(d -> unsaved(alice) == 0 && storedArrow(owner, board) != null ? true : null);
            JsonObject drawn = storedArrow(owner, board);
            assertEquals("a", drawn.getJsonObject("start").getString("shape"), drawn::toString);
            assertEquals("b", drawn.getJsonObject("end").getString("shape"), drawn::toString);
            String arrow = drawn.getString("id");
            // where the pointer let go, in board units (the canvas may sit at a fraction of a pixel)
            double drawnY1 = drawn.getJsonArray("points").getJsonNumber(3).doubleValue();
            double movedY1 = drawnY1 + 200;
            awaitOr(
                    bob,
                    () -> sceneArrow(bob) != null && "b".equals(sceneArrow(bob).get("end")),
                    alice,
                    bob);

            // b is dragged down 200: bob sees the arrow's end go with it while the button is down
            key(alice, "v", false);
            new Actions(alice.driver())
                    .moveToLocation(left + 450, top + 100)
                    .clickAndHold()
                    .moveByOffset(0, 50)
                    .pause(100)
                    .moveByOffset(0, 50)
                    .pause(100)
                    .moveByOffset(0, 100)
                    .perform();
            awaitOr(bob, () -> near(liveY1(bob, arrow), movedY1), alice, bob);
            assertEquals(drawnY1, sceneY1(bob), "nothing is stored while it is dragged");
            bob.screenshot("board-connector-follows-live");
            new Actions(alice.driver()).release().perform();
            alice.await(d -> unsaved(alice) == 0 && near(storedY1(owner, board), movedY1) ? true : null);
            bob.await(d -> near(sceneY1(bob), movedY1) && liveY1(bob, arrow) == -1 ? true : null);

            // a label, typed on a double click at the arrow's middle
            new Actions(alice.driver())
                    .moveToLocation(left + 295, top + 230)
                    .doubleClick()
                    .perform();
            alice.await(d -> "label-editor".equals(d.switchTo().activeElement().getAttribute("id")) ? true : null);
            new Actions(alice.driver()).sendKeys("yes <b>").sendKeys(Keys.ENTER).perform();
            alice.await(d -> unsaved(alice) == 0 && storedArrow(owner, board).containsKey("label") ? true : null);
            assertEquals("yes <b>", storedArrow(owner, board).getString("label"));
            bob.await(d -> "yes <b>".equals(sceneArrow(bob).get("label")) ? true : null);
            bob.screenshot("board-connector-label");

            // after a reload, the stored connector is where it was drawn last
            bob.driver().navigate().refresh();
            awaitLive(bob);
            bob.await(d -> sceneArrow(bob) != null ? true : null);
            assertTrue(near(sceneY1(bob), movedY1));
            assertEquals("b", sceneArrow(bob).get("end"));

            // b removed: the arrow stays, its end unbound; one undo brings b back with the binding
            new Actions(alice.driver())
                    .moveToLocation(left + 450, top + 300)
                    .click()
                    .perform();
            assertEquals(List.of("b"), alice.script("return [...window.whiteboard.state.selection];"));
            key(alice, Keys.DELETE, false);
            alice.await(d -> unsaved(alice) == 0
                            && shapeCount(alice) == 2
                            && !storedArrow(owner, board).containsKey("end")
                    ? true
                    : null);
            assertTrue(near(storedY1(owner, board), movedY1), "the end stays where it was");
            bob.await(d -> shapeCount(bob) == 2 && sceneArrow(bob).get("end") == null ? true : null);
            key(alice, "z", true);
            alice.await(d -> unsaved(alice) == 0
                            && shapeCount(alice) == 3
                            && storedArrow(owner, board).containsKey("end")
                    ? true
                    : null);
            assertEquals("b", storedArrow(owner, board).getJsonObject("end").getString("shape"));
            assertFalse(alice.driver().findElement(By.id("label-editor")).isDisplayed());
        }
    }
}
