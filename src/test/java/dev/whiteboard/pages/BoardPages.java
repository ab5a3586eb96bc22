package dev.whiteboard.pages;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.Json;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the page tests ask of a board page in a browser. */
final class BoardPages {

    private BoardPages() {}

    /** A new board of {@code owner}'s, by the REST API; its id. */
    static String newBoard(Http owner, String title) {
        return owner.postJson(
                        "api/boards",
                        Json.createObjectBuilder().add("title", title).build().toString())
                .json()
                .getString("id");
    }

    /** A browser of the demo user, signed in through the sign-in page, on the board page with a live connection. */
    static Browser onBoard(String user, String board) {
        return onBoard(new Browser(AppServer.baseUri()), user, board);
    }

    /** {@code browser} signed in as the demo user, on the board page with a live connection. */
    static Browser onBoard(Browser browser, String user, String board) {
        browser.signIn(user, Http.DEMO_PASSWORD);
        browser.open("board.html?id=" + board);
        awaitLive(browser);
        return browser;
    }

    static void awaitLive(Browser browser) {
        browser.await(d -> "online".equals(d.findElement(By.id("status")).getAttribute("data-state")) ? true : null);
    }

    static long shapeCount(Browser browser) {
        return (Long) browser.script("const s = window.whiteboard.state;"
                + " return new Set([...s.shapes.keys(), ...s.local.keys()]).size - s.localRemoved.size;");
    }

    /** Pixels of the canvas that are not background (white). */
    static long inkedPixels(Browser browser) {
        return (Long) browser.script("const c = document.getElementById('canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) { if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++; }"
                + " return n;");
    }

    static long unsaved(Browser browser) {
        return (Long)
                browser.script("return window.whiteboard.connection ? window.whiteboard.connection.unsaved : -1;");
    }

    /** The colour {@code [r, g, b]} of the canvas at ({@code x}, {@code y}) CSS pixels from its top-left corner. */
    static long[] pixel(Browser browser, double x, double y) {
        @SuppressWarnings("unchecked")
        List<Long> rgb = (List<Long>) browser.script(
                "const c = document.getElementById('canvas');"
                        + " const r = window.devicePixelRatio || 1;"
                        + " const d = c.getContext('2d').getImageData(Math.round(arguments[0] * r), Math.round(arguments[1] * r), 1, 1).data;"
                        + " return [d[0], d[1], d[2]];",
                x,
                y);
        return new long[] {rgb.get(0), rgb.get(1), rgb.get(2)};
    }

    /** Where the canvas's top-left corner is in the window, CSS pixels. */
    static double[] canvasOrigin(Browser browser) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) browser.script(
                "const r = document.getElementById('canvas').getBoundingClientRect(); return [r.left, r.top];");
        return new double[] {xy.get(0).doubleValue(), xy.get(1).doubleValue()};
    }

    /** The board menu's item {@code id} (the export, import, background and clear buttons), the menu opened first. */
    static WebElement menuItem(Browser browser, String id) {
        if (!browser.driver().findElement(By.id("board-menu")).isDisplayed()) {
            browser.find(By.id("board-menu-button")).click();
        }
        return browser.find(By.id(id));
    }
}
