package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The boards home (issue 21, item 1) in a real browser: a person creates a board, renames it in place, stars it,
 * finds it by search, duplicates it, deletes it to the trash, restores it, deletes the copy for good, and renames a
 * board from the board page's title; sections say what to do when they are empty.
 */
@ExtendWith(AppServer.class)
class BoardsHomePageIT {

    private static final String CARD = "#board-list [data-board-id]";

    /** The titles the list shows now (read in one go: the list is rebuilt as answers come). */
    @SuppressWarnings("unchecked")
    private static List<String> titlesShown(WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d)
                .executeScript(
                        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
                        CARD + " .board-title");
    }

    private static WebElement card(Browser browser, String title) {
        return browser.await(d -> {
            try {
                return d.findElements(By.cssSelector(CARD)).stream()
                        .filter(c -> c.findElement(By.cssSelector(".board-title"))
                                .getText()
                                .equals(title))
                        .findFirst()
                        .orElse(null);
            } catch (StaleElementReferenceException e) {
                return null; // the list was rebuilt meanwhile: look again
            }
        });
    }

    /** Picks a section and waits for its list. */
    static void show(Browser browser, String filter) {
        browser.find(By.cssSelector("[data-filter='" + filter + "']")).click();
        By shown = By.cssSelector("#board-list[data-filter='" + filter + "'][aria-busy='false']");
        browser.await(d -> d.findElements(shown).isEmpty() ? null : true);
    }

    /** Types into the search box and waits for the list that answers it. */
    private static void search(Browser browser, String text) {
        WebElement search = browser.find(By.id("search"));
        search.clear();
        search.sendKeys(text);
        By answered = By.cssSelector("#board-list[aria-busy='false']");
        browser.await(d ->
                d.findElements(answered).stream().anyMatch(l -> text.strip().equals(l.getAttribute("data-q")))
                        ? true
                        : null);
    }

    private static String titleOf(Http http, String id) {
        return http.get("api/boards/" + id).json().getString("title");
    }

    @Test
    void aPersonCreatesRenamesStarsFindsDuplicatesDeletesAndRestoresABoard() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "Retro " + tag;
        String renamed = "Retro <i>" + tag + "</i> renamed";
        Http alice = Http.as(AppServer.baseUri(), "alice");
        try (Browser browser = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD)) {
            browser.open("");
            browser.find(By.id("title")).sendKeys(first, Keys.ENTER);
            WebElement created = card(browser, first);
            String id = created.getAttribute("data-board-id");
            assertTrue(
                    created.findElement(By.cssSelector(".board-meta")).getText().contains("Alice Andersen"));
            assertTrue(
                    created.findElement(By.cssSelector(".board-meta")).getText().contains("edited just now"));

            // renamed in place
            created.findElement(By.cssSelector(".board-rename")).click();
            WebElement input = browser.find(By.cssSelector("[data-board-id='" + id + "'] .rename-input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), renamed, Keys.ENTER);
            card(browser, renamed);
            assertEquals(renamed, titleOf(alice, id), "titles are text, never HTML");

            // starred, then found under Starred
            browser.find(By.cssSelector("[data-board-id='" + id + "'] .board-star"))
                    .click();
            browser.await(d -> "true"
                            .equals(((JavascriptExecutor) d)
                                    .executeScript(
                                            "return document.querySelector(arguments[0])?.getAttribute('aria-pressed');",
                                            "[data-board-id='" + id + "'] .board-star"))
                    ? true
                    : null); // read in one go: the card is replaced when the star is set
            show(browser, "starred");
            card(browser, renamed);
            show(browser, "recent");

            // found by search (case insensitive, part of the title); a search that matches nothing says so
            search(browser, tag.toUpperCase());
            browser.await(d -> titlesShown(d).equals(List.of(renamed)) ? true : null);
            search(browser, "no such board " + tag);
            browser.await(d -> titlesShown(d).isEmpty()
                            && d.findElement(By.id("list-status")).getText().contains("No board title matches")
                    ? true
                    : null);
            browser.screenshot("boards-home-empty-search");
            search(browser, tag);
            browser.await(d -> titlesShown(d).equals(List.of(renamed)) ? true : null);

            // duplicated: the copy is the caller's
            browser.find(By.cssSelector("[data-board-id='" + id + "'] .board-duplicate"))
                    .click();
            WebElement copy = card(browser, renamed + " (copy)");
            String copyId = copy.getAttribute("data-board-id");
            assertEquals("owner", alice.get("api/boards/" + copyId).json().getString("role"));
            browser.screenshot("boards-home");

            // deleted to the trash, restored from it
            browser.find(By.cssSelector("[data-board-id='" + id + "'] .board-delete"))
                    .click();
            browser.await(d -> d.findElements(By.cssSelector("[data-board-id='" + id + "']"))
                            .isEmpty()
                    ? true
                    : null);
            assertTrue(browser.find(By.id("notice")).getText().contains("moved to the trash"));
            show(browser, "trash");
            card(browser, renamed);
            browser.find(By.cssSelector("[data-board-id='" + id + "'] .board-restore"))
                    .click();
            browser.await(d -> d.findElements(By.cssSelector("[data-board-id='" + id + "']"))
                            .isEmpty()
                    ? true
                    : null);
            assertFalse(alice.get("api/boards/" + id).json().containsKey("deletedAt"), "restored");
            show(browser, "recent");
            card(browser, renamed);

            // the copy: deleted, then deleted for good from the trash (after a confirmation)
            browser.find(By.cssSelector("[data-board-id='" + copyId + "'] .board-delete"))
                    .click();
            browser.await(d -> d.findElements(By.cssSelector("[data-board-id='" + copyId + "']"))
                            .isEmpty()
                    ? true
                    : null);
            show(browser, "trash");
            browser.find(By.cssSelector("[data-board-id='" + copyId + "'] .board-purge"))
                    .click();
            browser.await(d -> d.switchTo().alert()).accept();
            browser.await(d -> d.findElements(By.cssSelector("[data-board-id='" + copyId + "']"))
                            .isEmpty()
                    ? true
                    : null);
            assertEquals(404, alice.get("api/boards/" + copyId).status());
        }
    }

    @Test
    void aLongListComesAPageAtATimeInTheChosenOrderAndAsACompactList() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Http dave = Http.as(AppServer.baseUri(), "dave");
        for (int i = 0; i < 26; i++) {
            BoardPages.newBoard(dave, String.format("Paged %s %02d", tag, i));
        }
        try (Browser browser = new Browser(AppServer.baseUri()).signIn("dave", Http.DEMO_PASSWORD)) {
            browser.open("");
            browser.find(By.id("sort")).sendKeys("Title");
            search(browser, "Paged " + tag);
            browser.await(d ->
                    ("Paged " + tag).equals(d.findElement(By.id("board-list")).getAttribute("data-q"))
                                    && titlesShown(d).size() == 24
                            ? true
                            : null);
            assertEquals(
                    String.format("Paged %s %02d", tag, 0),
                    titlesShown(browser.driver()).get(0));
            browser.find(By.id("more")).click();
            browser.await(d -> titlesShown(d).size() == 26 ? true : null);
            assertFalse(browser.driver().findElement(By.id("more")).isDisplayed(), "no more pages");

            browser.find(By.id("view-toggle")).click();
            assertEquals(
                    "list", browser.driver().findElement(By.id("board-list")).getAttribute("data-view"));
            browser.screenshot("boards-home-list");
        }
    }

    @Test
    void aCardSaysWhoIsOnTheBoardNow() {
        String board = BoardPages.newBoard(Http.as(AppServer.baseUri(), "carol"), "Busy " + UUID.randomUUID());
        try (Browser carol = BoardPages.onBoard("carol", board);
                Browser bob = new Browser(AppServer.baseUri()).signIn("bob", Http.DEMO_PASSWORD)) {
            bob.open("");
            WebElement here = bob.find(By.cssSelector("[data-board-id='" + board + "'] .board-here"));
            assertEquals("Now: Carol Chen", here.getText());
        }
    }

    @Test
    void anOwnerRenamesTheBoardFromTheBoardPagesTitleAndTheOthersSeeItAtOnce() {
        Http alice = Http.as(AppServer.baseUri(), "alice");
        String board = BoardPages.newBoard(alice, "Title before");
        try (Browser browser = BoardPages.onBoard("alice", board);
                Browser bob = BoardPages.onBoard("bob", board)) {
            bob.await(d ->
                    "Title before".equals(d.findElement(By.id("board-title")).getText()) ? true : null);
            browser.find(By.id("board-title")).click();
            WebElement input = browser.find(By.id("title-input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Title after", Keys.ENTER);
            browser.await(d ->
                    "Title after".equals(d.findElement(By.id("board-title")).getText()) ? true : null);
            assertEquals("Title after", titleOf(alice, board));
            // bob's page, not reloaded, follows
            bob.await(d ->
                    "Title after".equals(d.findElement(By.id("board-title")).getText()) ? true : null);
            assertEquals("Title after · Whiteboard", bob.driver().getTitle());

            // an editor: the title stays a title
            bob.find(By.id("board-title")).click();
            assertTrue(bob.driver().findElements(By.id("title-input")).isEmpty());
        }
    }
}
