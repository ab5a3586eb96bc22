package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.canvasOrigin;
import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.pixel;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static dev.whiteboard.pages.BoardPages.unsaved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * How people draw on the canvas, in a real browser: fingers (one draws, two pan and pinch), a stylus, the mouse
 * with the pan tool, text typed in place, the palette and opacity, the keyboard, and the page at phone size. What
 * the canvas shows after a pan or zoom is read back from its pixels: the cached layer must be where the view says.
 */
@ExtendWith(AppServer.class)
class CanvasInputIT {

    private static final String BLUE = "#1971c2";

    @Test
    void aFingerDrawsTwoFingersPanAndPinchAndAStylusDraws() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Touch");
        try (Browser alice = onBoard("alice", board)) {
            double[] origin = canvasOrigin(alice);
            double cx = 640, cy = 300; // a point of the canvas, in its own CSS pixels (= board units at 100%)
            owner.putJson(
                    "api/boards/" + board + "/shapes/box",
                    "{\"kind\":\"rectangle\",\"stroke\":\"" + BLUE + "\",\"fill\":\"" + BLUE + "\",\"points\":["
                            + (cx - 50) + "," + (cy - 30) + "," + (cx + 50) + "," + (cy + 30) + "]}");
            alice.await(d -> shapeCount(alice) == 1 ? true : null);
            alice.await(d -> isBlue(pixel(alice, cx, cy)) ? true : null);
            assertTrue(isWhite(pixel(alice, cx + 120, cy)), "right of the box is empty at 100%");

            // one finger draws with the pen
            // well inside the canvas, whose height is what the toolbar leaves of the window (477 px at 1280 x 800)
            alice.touch("touchStart", at(origin, 200, 400));
            alice.touch("touchMove", at(origin, 240, 420));
            alice.touch("touchMove", at(origin, 280, 400));
            alice.touch("touchMove", at(origin, 320, 430));
            alice.touch("touchEnd");
            alice.await(d -> shapeCount(alice) == 2 && unsaved(alice) == 0 ? true : null);
            assertEquals(List.of("pen", "rectangle"), kinds(owner, board));

            // two fingers: spread from 100 to 300 pixels apart around the box's centre, so 3× zoom, and no stroke
            alice.touch("touchStart", at(origin, cx - 50, cy), at(origin, cx + 50, cy));
            for (int step = 1; step <= 5; step++) {
                alice.touch("touchMove", at(origin, cx - 50 - 20 * step, cy), at(origin, cx + 50 + 20 * step, cy));
            }
            alice.touch("touchEnd");
            double scale = ((Number) alice.script("return window.whiteboard.state.view.scale;")).doubleValue();
            assertTrue(scale > 2.5 && scale < 3.5, "pinched to about 3×, is " + scale);
            assertEquals(2, shapeCount(alice), "a gesture draws nothing");
            // at 3× around the centre the box reaches 150 pixels right of it; once the zoom settles, drawn sharp there
            alice.await(d -> isBlue(pixel(alice, cx + 120, cy)) && isBlue(pixel(alice, cx, cy)) ? true : null);
            assertTrue(isWhite(pixel(alice, cx + 170, cy)), "and no further");
            alice.screenshot("board-pinched");

            // the pan tool with the mouse: dragged 100 pixels right, the box's right edge follows
            alice.find(By.cssSelector("button[data-tool='hand']")).click();
            new Actions(alice.driver())
                    .moveToLocation((int) (origin[0] + cx), (int) (origin[1] + cy))
                    .clickAndHold()
                    .moveByOffset(50, 0)
                    .moveByOffset(50, 0)
                    .release()
                    .perform();
            alice.await(d -> isBlue(pixel(alice, cx + 230, cy)) ? true : null);
            assertTrue(isWhite(pixel(alice, cx + 270, cy)), "moved by the drag, not more");

            // a stylus draws too, with the pen picked from the keyboard
            new Actions(alice.driver()).sendKeys("p").perform();
            assertEquals(
                    "true",
                    alice.find(By.cssSelector("button[data-tool='pen']")).getAttribute("aria-pressed"));
            alice.penStroke(at(origin, 300, 150), at(origin, 340, 170), at(origin, 380, 150));
            alice.await(d -> shapeCount(alice) == 3 && unsaved(alice) == 0 ? true : null);
            assertEquals(List.of("pen", "pen", "rectangle"), kinds(owner, board));
        }
    }

    @Test
    void textIsTypedInPlaceAndThePaletteAndOpacityApply() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Text");
        try (Browser alice = onBoard("alice", board)) {
            double[] origin = canvasOrigin(alice);
            alice.find(By.cssSelector("[data-colour='#e03131']")).click();
            new Select(alice.find(By.id("opacity"))).selectByValue("0.5");
            alice.find(By.cssSelector("button[data-tool='rectangle']")).click();
            new Actions(alice.driver())
                    .moveToLocation((int) origin[0] + 100, (int) origin[1] + 100)
                    .clickAndHold()
                    .moveByOffset(60, 30)
                    .moveByOffset(60, 30)
                    .release()
                    .perform();
            alice.await(d -> shapeCount(alice) == 1 && unsaved(alice) == 0 ? true : null);
            JsonObject rectangle = shapes(owner, board).getJsonObject(0);
            assertEquals("#e03131", rectangle.getString("stroke"));
            assertEquals(0.5, rectangle.getJsonNumber("opacity").doubleValue());

            // text: typed where the click was; Escape leaves nothing, Ctrl+Enter places it, HTML stays text
            new Actions(alice.driver()).sendKeys("t").perform();
            new Actions(alice.driver())
                    .moveToLocation((int) origin[0] + 400, (int) origin[1] + 200)
                    .click()
                    .perform();
            alice.await(d -> d.switchTo().activeElement().getAttribute("id").equals("text-editor") ? true : null);
            new Actions(alice.driver()).sendKeys("gone").sendKeys(Keys.ESCAPE).perform();
            new Actions(alice.driver())
                    .moveToLocation((int) origin[0] + 400, (int) origin[1] + 200)
                    .click()
                    .perform();
            alice.await(d -> d.switchTo().activeElement().getAttribute("id").equals("text-editor") ? true : null);
            new Actions(alice.driver())
                    .sendKeys("Plan <b>A</b>")
                    .keyDown(Keys.SHIFT)
                    .sendKeys(Keys.ENTER)
                    .keyUp(Keys.SHIFT)
                    .sendKeys("then B")
                    .keyDown(Keys.CONTROL)
                    .sendKeys(Keys.ENTER)
                    .keyUp(Keys.CONTROL)
                    .perform();
            alice.await(d -> shapeCount(alice) == 2 && unsaved(alice) == 0 ? true : null);
            JsonObject text = shapes(owner, board).stream()
                    .map(JsonObject.class::cast)
                    .filter(s -> s.getString("kind").equals("text"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("Plan <b>A</b>\nthen B", text.getString("text"));
            JsonArray at = text.getJsonArray("points");
            assertEquals(400, at.getJsonNumber(0).doubleValue(), 2);
            assertEquals(200, at.getJsonNumber(1).doubleValue(), 2);
            assertTrue((Boolean) alice.script("return document.getElementById('text-editor').hidden;"));
            alice.screenshot("board-text");
        }
    }

    @Test
    void atPhoneSizeEveryControlIsOnScreenNamedAndAFingerDraws() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Phone");
        try (Browser phone = onBoard(new Browser(AppServer.baseUri(), 390, 844), "alice", board)) {
            assertEquals(
                    Boolean.TRUE,
                    phone.script("return document.documentElement.scrollWidth <= window.innerWidth;"),
                    "nothing runs off the side of the screen");
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) phone.script(
                    "return [...document.querySelectorAll('.toolbar button:not([hidden]):not([role^=menuitem]), .toolbar select,"
                            + " .toolbar input, .properties button, .properties select, .properties input')]"
                            + ".map(e => { const r = e.getBoundingClientRect();"
                            + " const name = e.getAttribute('aria-label') || e.textContent.trim() || (e.labels && e.labels.length"
                            + " ? e.labels[0].textContent.trim() : '') || e.title;"
                            + " const box = e.type === 'file' ? e.closest('label').getBoundingClientRect() : r;"
                            + " return (!name ? 'unnamed ' : '') + (box.left < 0 || box.right > window.innerWidth + 0.5 ? 'off-screen ' : '')"
                            + " + (e.tabIndex < 0 ? 'unfocusable ' : '') + (e.id || e.dataset.tool || e.dataset.colour || e.outerHTML); })"
                            + ".filter(p => /^(unnamed|off-screen|unfocusable) /.test(p));");
            assertEquals(List.of(), problems);
            // the board menu's items (focused with the arrow keys, not Tab: menu.js) are named and on the screen
            phone.find(By.id("board-menu-button")).click();
            phone.find(By.id("board-menu"));
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) phone.script(
                    "return [...document.querySelectorAll('#board-menu [role^=menuitem]')].filter(e => e.offsetParent)"
                            + ".map(e => { const r = e.getBoundingClientRect();"
                            + " return (!e.textContent.trim() ? 'unnamed ' : '')"
                            + " + (r.left < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight ? 'off-screen ' : '')"
                            + " + (e.id || e.textContent.trim()); })"
                            + ".filter(p => /^(unnamed|off-screen) /.test(p));");
            assertEquals(List.of(), items);
            new Actions(phone.driver()).sendKeys(Keys.ESCAPE).perform();
            phone.await(d -> d.findElement(By.id("board-menu")).isDisplayed() ? null : true);
            double[] origin = canvasOrigin(phone);
            long canvasHeight = (Long) phone.script("return document.getElementById('canvas').clientHeight;");
            assertTrue(canvasHeight > 300, "the canvas keeps most of the screen, is " + canvasHeight);

            phone.touch("touchStart", at(origin, 100, 150));
            phone.touch("touchMove", at(origin, 150, 180));
            phone.touch("touchMove", at(origin, 200, 160));
            phone.touch("touchEnd");
            phone.await(d -> shapeCount(phone) == 1 && unsaved(phone) == 0 ? true : null);
            phone.screenshot("board-phone");
        }
    }

    @Test
    void namedCursorsCanBeTurnedOff() {
        String board = newBoard(Http.as(AppServer.baseUri(), "alice"), "Cursors");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board);
                Browser carol = onBoard("carol", board)) {
            moveOver(bob, 100);
            alice.await(d -> hasCursorOf(alice, "bob") ? true : null);
            alice.find(By.id("show-cursors")).click();
            assertEquals(false, hasCursorOf(alice, "bob"), "turned off, the others' cursors go at once");
            moveOver(bob, 300);
            carol.await(
                    d -> ((Number) carol.script("const c = window.whiteboard.cursors.get('bob'); return c ? c.x : 0;"))
                                            .doubleValue()
                                    > 250
                            ? true
                            : null);
            assertEquals(false, hasCursorOf(alice, "bob"), "and stay away while off");
            alice.driver().navigate().refresh();
            BoardPages.awaitLive(alice);
            assertEquals(
                    Boolean.FALSE,
                    alice.script("return document.getElementById('show-cursors').checked;"),
                    "remembered");
        }
    }

    private static void moveOver(Browser browser, int x) {
        double[] origin = canvasOrigin(browser);
        new Actions(browser.driver())
                .moveToLocation((int) origin[0] + x, (int) origin[1] + 200)
                .moveByOffset(10, 5)
                .pause(Duration.ofMillis(150))
                .moveByOffset(10, 5)
                .perform();
    }

    private static boolean hasCursorOf(Browser browser, String user) {
        return Boolean.TRUE.equals(browser.script("return window.whiteboard.cursors.has(arguments[0]);", user));
    }

    private static double[] at(double[] origin, double x, double y) {
        return new double[] {origin[0] + x, origin[1] + y};
    }

    private static boolean isBlue(long[] rgb) {
        return rgb[2] > 150 && rgb[0] < 100;
    }

    private static boolean isWhite(long[] rgb) {
        return rgb[0] > 240 && rgb[1] > 240 && rgb[2] > 240;
    }

    private static JsonArray shapes(Http http, String board) {
        return http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes");
    }

    private static List<String> kinds(Http http, String board) {
        return shapes(http, board).stream()
                .map(s -> ((JsonObject) s).getString("kind"))
                .sorted()
                .collect(Collectors.toList());
    }
}
