package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.HistoryPages.ELLIPSE;
import static dev.whiteboard.pages.HistoryPages.NOTE;
import static dev.whiteboard.pages.HistoryPages.RECT_A;
import static dev.whiteboard.pages.HistoryPages.RECT_B;
import static dev.whiteboard.pages.HistoryPages.awaitShown;
import static dev.whiteboard.pages.HistoryPages.http;
import static dev.whiteboard.pages.HistoryPages.liveIds;
import static dev.whiteboard.pages.HistoryPages.openPanel;
import static dev.whiteboard.pages.HistoryPages.preview;
import static dev.whiteboard.pages.HistoryPages.put;
import static dev.whiteboard.pages.HistoryPages.remove;
import static dev.whiteboard.pages.HistoryPages.saveVersion;
import static dev.whiteboard.pages.HistoryPages.shownIds;
import static dev.whiteboard.pages.HistoryPages.storedIds;
import static dev.whiteboard.pages.HistoryPages.versionItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Accessibility;
import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The version history on the board page (issue 16) in real browsers against the real history API: the panel lists
 * versions with the names of who contributed and the counts of what changed; a preview shows an earlier version in one
 * browser while the other's live board stays as it is, and the live board (with what others did meanwhile) comes
 * back on "Back to live"; a restore changes the other browser's canvas live, with a notice; a removed shape is
 * recovered from "Recently removed"; "since your last visit" offers what others changed while one was away; and the
 * panel passes the accessibility check.
 */
@ExtendWith(AppServer.class)
class HistoryPageIT {

    @Test
    void thePanelListsVersionsWithTheNamesOfWhoContributedAndTheCounts() {
        Http alice = http("alice");
        String board = newBoard(alice, "History listed");
        put(alice, board, "a", RECT_A);
        put(http("bob"), board, "b", RECT_B);
        try (Browser browser = onBoard("alice", board)) {
            browser.await(d -> shownIds(browser).size() == 2 ? true : null);
            openPanel(browser);

            // an editor saves a named version in the panel: a label is needed first
            browser.find(By.cssSelector("[data-history='save-open']")).click();
            browser.find(By.cssSelector("#version-form button[type='submit']")).click();
            assertTrue(browser.find(By.cssSelector("[data-history='save-error']"))
                    .getText()
                    .contains("1 to 100 characters"));
            browser.find(By.id("version-label")).sendKeys("After the <b>workshop</b>");
            browser.find(By.id("version-description")).sendKeys("Both rectangles");
            browser.find(By.cssSelector("#version-form button[type='submit']")).click();

            WebElement named = browser.find(By.cssSelector("#history li.version[data-kind='named']"));
            assertEquals(
                    "After the <b>workshop</b>",
                    named.findElement(By.cssSelector(".version-label")).getText(),
                    "the label is shown as typed, as text");
            String who = named.findElement(By.cssSelector(".version-who")).getText();
            assertTrue(who.contains("Alice Andersen") && who.contains("Bob Berg"), who);
            assertEquals(
                    "+2 ~0 −0",
                    named.findElement(By.cssSelector(".version-counts")).getText());
            assertEquals(
                    "Both rectangles",
                    named.findElement(By.cssSelector(".version-description")).getText());
            assertEquals(
                    "Today", // (shown in capitals by the style sheet)
                    browser.find(By.cssSelector("#history .version-day h3")).getAttribute("textContent"));
            JsonObject stored = http("alice")
                    .get("api/boards/" + board + "/versions")
                    .json()
                    .getJsonArray("versions")
                    .getJsonObject(0);
            assertEquals("After the <b>workshop</b>", stored.getString("label"));
            assertEquals(named.getAttribute("data-version-id"), stored.getString("id"));
            browser.screenshot("history-panel");
        }
    }

    @Test
    void aPreviewShowsTheVersionHereWhileTheOtherBrowserKeepsTheLiveBoard() {
        Http alice = http("alice");
        Http bob = http("bob");
        String board = newBoard(alice, "History previewed");
        put(alice, board, "a", RECT_A);
        String first = saveVersion(alice, board, "Only a");
        remove(alice, board, "a");
        put(alice, board, "b", RECT_B);
        try (Browser a = onBoard("alice", board);
                Browser b = onBoard("bob", board)) {
            awaitShown(a, Set.of("b"));
            awaitShown(b, Set.of("b"));
            openPanel(a);
            preview(a, first);
            awaitShown(a, Set.of("a"));
            assertEquals(Set.of("b"), liveIds(a), "the live board is kept underneath");
            assertTrue(a.find(By.id("preview-banner")).getText().contains("Only a"));

            // nothing here changes the board: a shape of the version selected and Delete pressed
            double[] o = BoardPages.canvasOrigin(a);
            new Actions(a.driver())
                    .moveToLocation((int) o[0] + 150, (int) o[1] + 160)
                    .click()
                    .perform();
            a.await(d ->
                    Boolean.TRUE.equals(a.script("return window.whiteboard.state.selection.has('a');")) ? true : null);
            new Actions(a.driver()).sendKeys(Keys.DELETE).perform();
            assertEquals(0L, BoardPages.unsaved(a));

            // the other browser goes on with the live board, and its change reaches the live board under the preview
            assertEquals(Set.of("b"), shownIds(b));
            put(bob, board, "c", ELLIPSE);
            awaitShown(b, Set.of("b", "c"));
            a.await(d -> liveIds(a).equals(Set.of("b", "c")) ? true : null);
            assertEquals(Set.of("a"), shownIds(a), "the preview still shows the version");
            a.screenshot("history-preview");

            a.find(By.cssSelector("#preview-banner [data-preview='back']")).click();
            awaitShown(a, Set.of("b", "c"));
            assertTrue(a.driver().findElement(By.id("preview-banner")).getAttribute("hidden") != null);
            assertEquals(Set.of("b", "c"), storedIds(alice, board), "the preview changed nothing");
        }
    }

    @Test
    void aRestoreChangesTheOtherBrowsersCanvasLiveWithANotice() {
        Http alice = http("alice");
        String board = newBoard(alice, "History restored");
        put(alice, board, "a", RECT_A);
        String first = saveVersion(alice, board, "Before the change");
        remove(alice, board, "a");
        put(alice, board, "b", RECT_B);
        try (Browser a = onBoard("alice", board);
                Browser b = onBoard("bob", board)) {
            awaitShown(a, Set.of("b"));
            awaitShown(b, Set.of("b"));
            b.script("window.notReloaded = true;");
            openPanel(a);
            preview(a, first);
            a.find(By.cssSelector("#preview-banner [data-preview='restore']")).click();
            a.await(ExpectedConditions.alertIsPresent()).accept();

            awaitShown(b, Set.of("a"));
            assertEquals(Boolean.TRUE, b.script("return window.notReloaded === true;"), "no reload");
            WebElement notice = b.find(By.cssSelector("#history-notices [data-notice='restored']"));
            assertTrue(notice.getText().contains("Alice Andersen restored"), notice.getText());
            assertTrue(notice.getText().contains("Before the change"), notice.getText());
            awaitShown(a, Set.of("a"));
            assertTrue(a.driver().findElement(By.id("preview-banner")).getAttribute("hidden") != null);
            assertEquals(Set.of("a"), storedIds(alice, board));
            b.screenshot("history-restored-notice");
        }
    }

    @Test
    void aRemovedShapeIsRecoveredFromRecentlyRemoved() {
        Http alice = http("alice");
        Http bob = http("bob");
        String board = newBoard(alice, "History recovered");
        put(alice, board, "keep", NOTE);
        put(alice, board, "other", RECT_A);
        remove(bob, board, "keep");
        try (Browser a = onBoard("alice", board)) {
            awaitShown(a, Set.of("other"));
            openPanel(a);
            a.find(By.id("history-tab-removed")).click();
            WebElement item = a.find(By.cssSelector("#history li.removed[data-shape-id='keep']"));
            assertTrue(item.getText().contains("Keep me"), item.getText());
            assertTrue(item.getText().contains("Bob Berg"), item.getText());
            Accessibility.check(a, "the board page (version history: recently removed)");
            item.findElement(By.cssSelector("button")).click();
            awaitShown(a, Set.of("keep", "other"));
            a.await(d -> d.findElements(By.cssSelector("#history li.removed[data-shape-id='keep']"))
                            .isEmpty()
                    ? true
                    : null);
            assertEquals(Set.of("keep", "other"), storedIds(alice, board));
        }
    }

    @Test
    void changesSinceTheLastVisitAreOfferedAndShown() {
        Http alice = http("alice");
        Http bob = http("bob");
        String board = newBoard(alice, "History since");
        put(alice, board, "a", RECT_A);
        put(alice, board, "b", RECT_B);
        try (Browser a = onBoard("alice", board)) {
            awaitShown(a, Set.of("a", "b"));
            // the visit is recorded: the app now compares with it
            a.await(d -> !alice.get("api/boards/" + board + "/diff?from=visit")
                            .json()
                            .getBoolean("firstVisit")
                    ? true
                    : null);
            assertTrue(a.driver()
                    .findElements(By.cssSelector("[data-notice='since-visit']"))
                    .isEmpty());
        }
        put(bob, board, "c", ELLIPSE);
        put(bob, board, "a", "{\"kind\":\"rectangle\",\"points\":[100,100,260,200]}");
        remove(bob, board, "b");
        try (Browser a = onBoard("alice", board)) {
            awaitShown(a, Set.of("a", "c"));
            WebElement notice = a.find(By.cssSelector("#history-notices [data-notice='since-visit']"));
            assertTrue(notice.getText().startsWith("3 changes since your last visit"), notice.getText());
            notice.findElement(By.xpath(".//button[text()='Show']")).click();
            WebElement card = a.find(By.id("compare"));
            assertEquals(
                    "Since your last visit", card.findElement(By.tagName("h2")).getText());
            assertTrue(card.getText().contains("1 added, 1 changed, 1 removed"), card.getText());
            assertEquals(
                    3L, a.script("const h = document.querySelectorAll('#compare [data-change]'); return h.length;"));
            a.screenshot("history-since-last-visit");
            Accessibility.check(a, "the board page (what changed since the last visit)");
            card.findElement(By.cssSelector("[data-compare='done']")).click();
            a.await(d -> !d.findElement(By.id("compare")).isDisplayed() ? true : null);
        }
    }

    @Test
    void aViewerPreviewsButNeitherSavesNorRestoresNorRecovers() {
        Http alice = http("alice");
        String board = newBoard(alice, "History looked at");
        put(alice, board, "a", RECT_A);
        String first = saveVersion(alice, board, "Looked at");
        put(alice, board, "gone", RECT_B);
        remove(alice, board, "gone");
        Http.Reply granted = alice.putJson("api/boards/" + board + "/members/carol", "{\"role\":\"viewer\"}");
        assertEquals(200, granted.status(), granted::toString);
        try (Browser carol = onBoard("carol", board)) {
            carol.find(By.cssSelector("body[data-role='viewer']"));
            openPanel(carol);
            versionItem(carol, first);
            assertFalse(carol.driver()
                    .findElement(By.cssSelector("[data-history='save-area']"))
                    .isDisplayed());
            versionItem(carol, first)
                    .findElement(By.cssSelector(".version-more"))
                    .click();
            carol.find(By.cssSelector("#version-menu [data-action='compare-live']"));
            assertFalse(carol.driver()
                    .findElement(By.cssSelector("#version-menu [data-action='restore']"))
                    .isDisplayed());
            assertFalse(carol.driver()
                    .findElement(By.cssSelector("#version-menu [data-action='delete']"))
                    .isDisplayed());
            new Actions(carol.driver()).sendKeys(Keys.ESCAPE).perform();

            preview(carol, first);
            awaitShown(carol, Set.of("a"));
            assertFalse(carol.driver()
                    .findElement(By.cssSelector("#preview-banner [data-preview='restore']"))
                    .isDisplayed());
            carol.find(By.cssSelector("#preview-banner [data-preview='back']")).click();
            awaitShown(carol, Set.of("a"));

            carol.find(By.id("history-tab-removed")).click();
            WebElement removed = carol.find(By.cssSelector("#history li.removed[data-shape-id='gone']"));
            assertTrue(removed.findElements(By.tagName("button")).isEmpty(), "no Recover for a viewer");
            Accessibility.check(carol, "the board page (version history of a viewer)");
        }
    }

    @Test
    void thePanelPassesTheAccessibilityCheck() {
        Http alice = http("alice");
        String board = newBoard(alice, "History accessible");
        put(alice, board, "a", RECT_A);
        String first = saveVersion(alice, board, "First");
        put(alice, board, "b", RECT_B);
        saveVersion(alice, board, "Second");
        try (Browser a = onBoard("alice", board)) {
            awaitShown(a, Set.of("a", "b"));
            openPanel(a);
            versionItem(a, first);
            Accessibility.check(a, "the board page (version history open)");

            // the list item's menu, by keyboard
            WebElement more = versionItem(a, first).findElement(By.cssSelector(".version-more"));
            more.sendKeys(Keys.ARROW_DOWN);
            a.find(By.cssSelector("#version-menu [data-action='preview']"));
            Accessibility.check(a, "the board page (a version's menu open)");
            new Actions(a.driver()).sendKeys(Keys.ESCAPE).perform();
            a.await(d -> !d.findElement(By.id("version-menu")).isDisplayed() ? true : null);

            preview(a, first);
            Accessibility.check(a, "the board page (previewing a version)");
            a.find(By.cssSelector("#preview-banner [data-preview='back']")).click();

            a.find(By.id("history-tab-activity")).click();
            a.find(By.cssSelector("#history li.activity"));
            Accessibility.check(a, "the board page (version history: activity)");

            // the dark theme: the panel's colours are the tokens', with AA contrast there too
            a.find(By.id("board-menu-button")).click();
            a.find(By.cssSelector("[data-theme-choice='dark']")).click();
            a.await(d -> "dark".equals(a.script("return document.documentElement.dataset.theme;")) ? true : null);
            a.find(By.id("history-tab-versions")).click();
            versionItem(a, first);
            Accessibility.check(a, "the board page (version history open, dark theme)");
            a.screenshot("history-panel-dark");
        }
    }
}
