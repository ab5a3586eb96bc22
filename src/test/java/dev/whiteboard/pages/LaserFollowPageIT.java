package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.canvasOrigin;
import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The laser pointer and following a view (issue 15, item 7) in real browsers: a laser trail the other sees and that
 * fades, never stored; following someone's pans and zooms until one moves oneself; an owner bringing everyone to
 * their view once, which only owners can.
 */
@ExtendWith(AppServer.class)
class LaserFollowPageIT {

    private static final String RED_PIXELS = "const c = document.getElementById('canvas');"
            + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
            + " for (let i = 0; i < d.length; i += 4) { if (d[i] > 200 && d[i] - d[i + 1] > 60 && d[i] - d[i + 2] > 60) n++; }"
            + " return n;";

    private static long redPixels(Browser browser) {
        return (Long) browser.script(RED_PIXELS);
    }

    /** Whether the page shows an element {@code by} finds (Browser.find waits for one that shows). */
    private static boolean shown(Browser browser, By by) {
        return browser.driver().findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    /** How many points of {@code user}'s laser trail the browser shows now. */
    private static long trailPoints(Browser browser, String user) {
        return (Long) browser.script(
                "const t = window.whiteboard.laserTrails.get(arguments[0]); return t ? t.length : 0;", user);
    }

    /** The board point at the centre of the browser's canvas and its zoom: {@code [x, y, scale]}. */
    private static double[] view(Browser browser) {
        @SuppressWarnings("unchecked")
        List<Number> v = (List<Number>) browser.script("const c = document.getElementById('canvas');"
                + " const v = window.whiteboard.state.view;"
                + " return [(c.clientWidth / 2 - v.x) / v.scale, (c.clientHeight / 2 - v.y) / v.scale, v.scale];");
        return new double[] {
            v.get(0).doubleValue(), v.get(1).doubleValue(), v.get(2).doubleValue()
        };
    }

    /** Whether the two browsers look at the same place (to the rounding of the view messages). */
    private static boolean sameView(double[] a, double[] b) {
        return Math.abs(a[0] - b[0]) <= 1 && Math.abs(a[1] - b[1]) <= 1 && Math.abs(a[2] - b[2]) < 0.002;
    }

    /** The scale of {@code user}'s view as the browser last heard it, or 0. */
    private static double heardScale(Browser browser, String user) {
        Number scale = (Number) browser.script(
                "const v = window.whiteboard.follow.views.get(arguments[0]); return v ? v.scale : 0;", user);
        return scale.doubleValue();
    }

    private static void drag(Browser browser, int x, int y, int dx, int dy) {
        double[] o = canvasOrigin(browser);
        new Actions(browser.driver())
                .moveToLocation((int) o[0] + x, (int) o[1] + y)
                .clickAndHold()
                .moveByOffset(dx / 2, dy / 2)
                .moveByOffset(dx - dx / 2, dy - dy / 2)
                .release()
                .perform();
    }

    @Test
    void theLaserTrailIsSeenByTheOtherFadesAndIsNeverStored() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Laser");
        owner.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}");
        long version = owner.get("api/boards/" + board + "/diagram")
                .json()
                .getJsonNumber("version")
                .longValue();
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            new Actions(alice.driver()).sendKeys("k").perform();
            assertEquals(
                    "true",
                    alice.find(By.cssSelector("button[data-tool='laser']")).getAttribute("aria-pressed"));
            assertEquals(0L, redPixels(bob), "nothing red before the laser");
            double[] o = canvasOrigin(alice);
            new Actions(alice.driver())
                    .moveToLocation((int) o[0] + 200, (int) o[1] + 200)
                    .clickAndHold()
                    .moveByOffset(40, 10)
                    .pause(80)
                    .moveByOffset(40, 10)
                    .pause(80)
                    .moveByOffset(40, 10)
                    .perform();
            // while the button is down, bob sees alice's trail: in his scene and in his pixels
            bob.await(d -> trailPoints(bob, "alice") >= 2 && redPixels(bob) > 0 ? true : null);
            bob.screenshot("board-laser-seen");
            new Actions(alice.driver()).release().perform();

            // and then it fades away, here and there
            bob.await(d -> trailPoints(bob, "alice") == 0 && redPixels(bob) == 0 ? true : null);
            alice.await(d -> redPixels(alice) == 0 ? true : null);

            // nothing was stored or made a change
            JsonObject diagram = owner.get("api/boards/" + board + "/diagram").json();
            assertEquals(0, diagram.getJsonArray("shapes").size());
            assertEquals(version, diagram.getJsonNumber("version").longValue());
            assertEquals(0L, shapeCount(alice));
            assertEquals(0L, shapeCount(bob));
            assertEquals(0L, (Long) alice.script("return window.whiteboard.state.undo.length;"), "no undo step");
        }
    }

    @Test
    void theFollowerSeesTheLeadersPansAndZoomsUntilPanningThemselves() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Follow");
        owner.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            By aliceInList = By.cssSelector("#people button[data-user='alice']");
            bob.await(d -> d.findElements(aliceInList).isEmpty() ? null : true);
            assertFalse(shown(bob, By.id("following")));
            bob.find(aliceInList).click();
            assertTrue(bob.find(By.id("following")).isDisplayed(), "following shows");
            assertTrue(bob.find(By.id("following")).getText().contains("Alice Andersen"));
            assertEquals("true", bob.find(aliceInList).getAttribute("aria-pressed"));

            // alice zooms in and pans: bob's view goes with hers
            alice.find(By.id("zoom-in")).click();
            new Actions(alice.driver()).sendKeys("h").perform();
            drag(alice, 400, 300, 120, 60);
            double[] leader = view(alice);
            assertEquals(1.25, leader[2], 1e-9);
            bob.await(d -> sameView(view(bob), leader) ? true : null);
            bob.screenshot("board-following");

            // bob pans himself: following stops, and alice's next zoom leaves his view alone
            new Actions(bob.driver()).sendKeys("h").perform();
            drag(bob, 300, 300, -80, 40);
            bob.await(d -> shown(bob, By.id("following")) ? null : true);
            assertNull(bob.script("return window.whiteboard.follow.user;"));
            double[] own = view(bob);
            alice.find(By.id("zoom-in")).click();
            bob.await(d -> Math.abs(heardScale(bob, "alice") - 1.5625) < 0.002 ? true : null);
            assertTrue(sameView(view(bob), own), "a follower who moved is not moved any more");

            // following again, and Stop ends it
            bob.find(aliceInList).click();
            bob.await(d -> sameView(view(bob), view(alice)) ? true : null);
            bob.find(By.cssSelector("#following [data-follow='stop']")).click();
            assertFalse(shown(bob, By.id("following")));
            alice.find(By.id("zoom-out")).click();
            bob.await(d -> Math.abs(heardScale(bob, "alice") - 1.25) < 0.002 ? true : null);
            assertEquals(1.5625, view(bob)[2], 0.002, "stopped: alice's zoom no longer moves bob");

            // following someone who leaves the board stops
            By carolInList = By.cssSelector("#people button[data-user='carol']");
            try (Browser carol = onBoard("carol", board)) {
                bob.await(d -> d.findElements(carolInList).isEmpty() ? null : true);
                bob.find(carolInList).click();
                assertTrue(shown(bob, By.id("following")));
            }
            bob.await(d -> d.findElements(carolInList).isEmpty() ? true : null);
            assertFalse(shown(bob, By.id("following")), "carol left: nobody is followed");
            assertNull(bob.script("return window.whiteboard.follow.user;"));
        }
    }

    @Test
    void anOwnerBringsEveryoneToTheirViewOnceAndOnlyOwnersCan() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Bring everyone");
        owner.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}");
        owner.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board);
                Browser dave = onBoard("dave", board)) {
            assertTrue(alice.find(By.id("summon")).isDisplayed(), "an owner has the button");
            assertFalse(shown(bob, By.id("summon")), "an editor has not");
            assertFalse(shown(dave, By.id("summon")), "nor has a viewer");
            assertFalse(shown(dave, By.cssSelector("button[data-tool='laser']")), "viewers have no laser");

            alice.find(By.id("zoom-out")).click();
            new Actions(alice.driver()).sendKeys("h").perform();
            drag(alice, 400, 300, -150, -90);
            double[] there = view(alice);
            assertFalse(sameView(view(bob), there));
            alice.find(By.id("summon")).click();
            bob.await(d -> sameView(view(bob), there) ? true : null);
            dave.await(d -> sameView(view(dave), there) ? true : null);
            assertFalse(shown(bob, By.id("following")), "brought once, not following");

            // once: alice's next zoom leaves them where they are
            alice.find(By.id("zoom-out")).click();
            bob.await(d -> Math.abs(heardScale(bob, "alice") - 0.64) < 0.002 ? true : null);
            dave.await(d -> Math.abs(heardScale(dave, "alice") - 0.64) < 0.002 ? true : null);
            assertTrue(sameView(view(bob), there));
            assertTrue(sameView(view(dave), there));

            // an editor's page cannot pass itself off as an owner's
            bob.script("window.whiteboard.connection.publish({type: 'summon', x: 5000, y: 5000, scale: 2});");
            dave.await(d -> (Long) dave.script("return window.whiteboard.follow.refused;") == 1L ? true : null);
            assertTrue(sameView(view(dave), there), "a summon from someone who is not an owner is ignored");
        }
    }
}
