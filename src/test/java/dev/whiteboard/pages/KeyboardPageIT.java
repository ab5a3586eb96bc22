package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages with the keyboard alone (issue 21, item 6), real key presses in a real browser: Tab walks every page in
 * document order and every stop shows a focus ring; the share dialog, opened with Enter on the home and on the board
 * page, keeps Tab and Shift+Tab inside it (round and round), closes with Escape and gives the focus back to the button
 * that opened it, also when a change in the dialog has drawn that button again.
 */
@ExtendWith(AppServer.class)
class KeyboardPageIT {

    /** What the focus is on: tag, id, class and name, enough to tell the stops apart in a failure. */
    private static final String DESCRIBE = "const e = document.activeElement;"
            + " return e === document.body || !e ? 'body' : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            + " + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')"
            + " + ' \"' + (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().slice(0, 40) + '\"';";

    /**
     * Whether the focused element shows a ring: its own outline, or, for a control drawn by its label (the toolbar's
     * file pickers, whose input is invisible), the label's.
     */
    private static final String RING = "const e = document.activeElement;"
            + " const ring = (n) => { const s = getComputedStyle(n);"
            + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; };"
            + " const r = e.getBoundingClientRect(); const label = e.closest('label');"
            + " if (label && (r.width < 2 || r.height < 2 || getComputedStyle(e).opacity === '0')) return ring(label);"
            + " return ring(e);";

    private static void press(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static String focused(Browser browser) {
        return (String) browser.script(DESCRIBE);
    }

    private static boolean inDialog(Browser browser) {
        return (Boolean) browser.script("return !!document.activeElement.closest('#share-dialog');");
    }

    /**
     * Tabs through the whole page from its start: every stop must show a focus ring and come after the previous one
     * in the document (no tabindex jumps); the walk ends where it wraps. The stops, described.
     */
    private static List<String> walk(Browser browser) {
        // the walk starts at the top of the page: an element out of the Tab order there takes the focus first
        browser.script("const top = document.createElement('span'); top.id = 'walk-start'; top.tabIndex = -1;"
                + " document.body.prepend(top); top.focus(); window.__stops = [];");
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            press(browser, Keys.TAB);
            String at = focused(browser);
            @SuppressWarnings("unchecked")
            Map<String, Object> step = (Map<String, Object>)
                    browser.script("const e = document.activeElement; const stops = window.__stops;"
                            + " const last = stops[stops.length - 1];"
                            + " const wrapped = e === document.body || stops.includes(e)"
                            + " || (!!last && !(last.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));"
                            + " stops.push(e);"
                            + " return {wrapped, first: stops[0] === e, tabindex: e.tabIndex};");
            if ((Boolean) step.get("wrapped")) {
                assertTrue(
                        "body".equals(at) || (Boolean) step.get("first"),
                        "the Tab order goes back in the document at " + at + " after " + stops);
                return stops;
            }
            assertTrue(((Number) step.get("tabindex")).intValue() <= 0, "a positive tabindex at " + at);
            assertTrue((Boolean) browser.script(RING), "no focus ring at " + at + " (stop " + stops.size() + ")");
            stops.add(at);
        }
        throw new AssertionError("Tab never came back to the start: " + stops);
    }

    /**
     * With the dialog open: Tab from the first control to the last and once more comes back to the first, Shift+Tab
     * the other way round; no stop is outside the dialog.
     */
    private static void tabStaysInside(Browser browser) {
        browser.find(By.cssSelector("#share-members li"));
        assertTrue(inDialog(browser), "the dialog takes the focus: " + focused(browser));
        long controls = (Long) browser.script("return [...document.querySelectorAll('#share-dialog :is(button, select,"
                + " input, a[href], [tabindex=\"0\"])')].filter(e => !e.disabled && e.offsetParent !== null).length;");
        String start = focused(browser);
        List<String> round = new ArrayList<>();
        for (int i = 0; i < controls; i++) {
            press(browser, Keys.TAB);
            assertTrue(inDialog(browser), "Tab left the dialog after " + round + ": " + focused(browser));
            round.add(focused(browser));
        }
        assertEquals(start, round.get(round.size() - 1), "Tab goes round the dialog's controls: " + round);
        for (int i = 0; i < controls; i++) {
            press(browser, Keys.SHIFT, Keys.TAB);
            assertTrue(inDialog(browser), "Shift+Tab left the dialog: " + focused(browser));
        }
        assertEquals(start, focused(browser), "Shift+Tab goes round the other way");
    }

    private static void escapeReturnsTo(Browser browser, String selector) {
        press(browser, Keys.ESCAPE);
        browser.await(d -> d.findElements(By.id("share-dialog")).isEmpty() ? true : null);
        assertEquals(
                true,
                browser.script("return document.activeElement === document.querySelector(arguments[0]);", selector),
                "focus back on " + selector + ", not on " + focused(browser));
    }

    @Test
    void theShareDialogOnTheHomeKeepsAndGivesBackTheFocus() {
        Http alice = Http.as(AppServer.baseUri(), "alice");
        String board = BoardPages.newBoard(alice, "Keyboard only");
        try (Browser browser = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD)) {
            browser.open("");
            String share = "#board-list [data-board-id='" + board + "'] .board-share";
            WebElement opener = browser.find(By.cssSelector(share));
            browser.script("arguments[0].focus();", opener);
            press(browser, Keys.ENTER);
            tabStaysInside(browser);
            escapeReturnsTo(browser, share);

            // a change of link access draws the board's card again: the focus goes to the new card's button
            browser.script("arguments[0].focus();", browser.find(By.cssSelector(share)));
            press(browser, Keys.ENTER);
            new Select(browser.find(By.id("share-link"))).selectByValue("view");
            browser.await(
                    d -> "view".equals(alice.get("api/boards/" + board).json().getString("linkAccess")) ? true : null);
            browser.await(
                    d -> d.findElements(By.cssSelector(share)).stream().noneMatch(e -> e.equals(opener)) ? true : null);
            escapeReturnsTo(browser, share);
        }
    }

    @Test
    void theShareDialogOnTheBoardPageKeepsAndGivesBackTheFocus() {
        Http alice = Http.as(AppServer.baseUri(), "alice");
        String board = BoardPages.newBoard(alice, "Keyboard board");
        try (Browser browser = BoardPages.onBoard(new Browser(AppServer.baseUri()), "alice", board)) {
            browser.script("arguments[0].focus();", browser.find(By.id("share")));
            press(browser, Keys.ENTER);
            tabStaysInside(browser);
            escapeReturnsTo(browser, "#share");

            // the Done button closes it too
            press(browser, Keys.ENTER);
            browser.find(By.cssSelector("#share-members li"));
            browser.find(By.id("share-close")).click();
            browser.await(d -> d.findElements(By.id("share-dialog")).isEmpty() ? true : null);
            assertEquals(true, browser.script("return document.activeElement.id === 'share';"));
        }
    }

    @Test
    void everyStopOfTheSignInPageShowsTheFocus() {
        try (Browser browser = new Browser(AppServer.baseUri())) {
            browser.open("signin.html");
            browser.find(By.id("signin-button"));
            List<String> stops = walk(browser);
            assertEquals(3, stops.size(), stops.toString()); // name, password, sign in
        }
    }

    @Test
    void everyStopOfTheBoardsHomeShowsTheFocus() {
        BoardPages.newBoard(Http.as(AppServer.baseUri(), "alice"), "Walked through");
        try (Browser browser = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD)) {
            browser.open("");
            browser.find(By.cssSelector("#board-list[aria-busy='false'] [data-board-id]"));
            List<String> stops = walk(browser);
            assertTrue(stops.stream().anyMatch(s -> s.contains("board-share")), stops.toString());
            assertTrue(stops.stream().anyMatch(s -> s.contains("#view-toggle")), stops.toString());
        }
    }

    @Test
    void everyStopOfTheBoardPageShowsTheFocus() {
        String board = BoardPages.newBoard(Http.as(AppServer.baseUri(), "alice"), "Walked board");
        try (Browser browser = BoardPages.onBoard(new Browser(AppServer.baseUri()), "alice", board)) {
            browser.find(By.id("chat-toggle")).click();
            browser.find(By.id("chat-text"));
            List<String> stops = walk(browser);
            assertTrue(stops.stream().anyMatch(s -> s.startsWith("canvas#canvas")), stops.toString());
            assertTrue(stops.stream().anyMatch(s -> s.contains("#image-file")), stops.toString());
            assertTrue(stops.stream().anyMatch(s -> s.contains("#chat-text")), stops.toString());
        }
    }

    @Test
    void everyStopOfTheAccountPagesShowsTheFocus() {
        try (Browser browser = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD)) {
            browser.open("account.html");
            browser.find(By.id("password-card"));
            walk(browser);
            browser.open("accounts.html");
            browser.find(By.cssSelector("#people tbody tr"));
            List<String> stops = walk(browser);
            assertTrue(stops.stream().anyMatch(s -> s.contains("Reset password")), stops.toString());
        }
    }
}
