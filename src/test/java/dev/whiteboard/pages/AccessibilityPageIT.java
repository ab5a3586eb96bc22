package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Accessibility;
import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.opentest4j.AssertionFailedError;

/**
 * The automated accessibility check (issue 21, item 6) over every page in the states people see them in: axe-core's
 * WCAG 2.0/2.1 A and AA rules find no serious or critical violation ({@link Accessibility}) on the sign-in page, the
 * boards home with boards in it (grid and list, a starred board, the trash, a search that finds nothing), its share dialog open, the account page, the accounts administration,
 * and the board page with shapes on it, its chat closed and open and its share dialog open.
 */
@ExtendWith(AppServer.class)
class AccessibilityPageIT {

    private static final By LOADED = By.cssSelector("#board-list[aria-busy='false'] [data-board-id]");

    /** A board of alice's with a few shapes of each kind on it; its id. */
    static String boardWithShapes(String title) {
        Http alice = Http.as(AppServer.baseUri(), "alice");
        String board = BoardPages.newBoard(alice, title);
        put(
                alice,
                board,
                "pen",
                "{\"kind\":\"pen\",\"stroke\":\"#e03131\",\"width\":3,\"points\":[40,40,80,90,140,60]}");
        put(alice, board, "box", "{\"kind\":\"rectangle\",\"fill\":\"#ffc9c9\",\"points\":[200,60,320,140]}");
        put(alice, board, "words", "{\"kind\":\"text\",\"text\":\"Agenda\",\"width\":18,\"points\":[60,200]}");
        return board;
    }

    private static void put(Http http, String board, String id, String json) {
        Http.Reply reply = http.putJson("api/boards/" + board + "/shapes/" + id, json);
        assertEquals(201, reply.status(), reply::toString);
    }

    @Test
    void theCheckFailsOnAControlWithoutAName() {
        try (Browser browser = new Browser(AppServer.baseUri())) {
            browser.open("signin.html");
            browser.find(By.id("signin-button"));
            browser.script("const b = document.createElement('button'); b.id = 'nameless';"
                    + " document.querySelector('main').append(b);");
            AssertionFailedError failure =
                    assertThrows(AssertionFailedError.class, () -> Accessibility.check(browser, "a broken page"));
            assertTrue(failure.getMessage().contains("button-name (critical)"), failure.getMessage());
            assertTrue(failure.getMessage().contains("#nameless"), failure.getMessage());
        }
    }

    @Test
    void theSignInPage() {
        try (Browser browser = new Browser(AppServer.baseUri())) {
            browser.open("signin.html");
            browser.find(By.id("signin-button"));
            browser.find(By.id("demo-accounts")); // the demo accounts' note is shown on the embedded default
            Accessibility.check(browser, "the sign-in page");

            // a refused sign-in: the error shown
            browser.find(By.id("name")).sendKeys("alice");
            browser.find(By.id("password")).sendKeys("not the password");
            browser.find(By.id("signin-button")).click();
            browser.find(By.id("signin-error"));
            Accessibility.check(browser, "the sign-in page with an error");
        }
    }

    @Test
    void theBoardsHomeAndItsShareDialog() {
        Http alice = Http.as(AppServer.baseUri(), "alice");
        String starred = boardWithShapes("Accessible retro");
        assertEquals(204, alice.putJson("api/boards/" + starred + "/star", "").status());
        boardWithShapes("Accessible planning");
        String trashed = boardWithShapes("Accessible leftovers");
        assertEquals(204, alice.delete("api/boards/" + trashed).status());
        try (Browser browser = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD)) {
            browser.open("");
            browser.find(LOADED);
            browser.find(By.cssSelector("#chat-status[data-state='online']"));
            browser.find(By.cssSelector("[data-board-id='" + starred + "'] .board-star[aria-pressed='true']"));
            Accessibility.check(browser, "the boards home (grid, a starred board)");

            browser.find(By.id("view-toggle")).click();
            browser.find(By.cssSelector("#board-list[data-view='list']"));
            browser.find(LOADED);
            Accessibility.check(browser, "the boards home (list)");

            BoardsHomePageIT.show(browser, "trash");
            browser.find(By.cssSelector("[data-board-id='" + trashed + "'] .board-purge"));
            Accessibility.check(browser, "the boards home (the trash)");

            BoardsHomePageIT.show(browser, "mine");
            browser.find(LOADED).findElement(By.cssSelector(".board-share")).click();
            browser.find(By.cssSelector("#share-members [data-member='alice']"));
            Accessibility.check(browser, "the share dialog (on the boards home)");
            browser.find(By.id("share-close")).click();

            browser.find(By.id("search")).sendKeys("no board is called this"); // nothing found: it says what to do
            browser.await(
                    d -> d.findElement(By.id("list-status")).getText().startsWith("No board title") ? true : null);
            Accessibility.check(browser, "the boards home (nothing found)");
        }
    }

    @Test
    void theAccountPages() {
        try (Browser browser = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD)) {
            browser.open("account.html");
            browser.find(By.id("name-card"));
            browser.find(By.id("password-card"));
            Accessibility.check(browser, "the account page");

            browser.open("accounts.html");
            browser.find(By.id("new-card"));
            browser.find(By.cssSelector("#people tbody tr"));
            Accessibility.check(browser, "the accounts administration");
        }
    }

    @Test
    void theBoardPageWithShapesChatAndShareDialog() {
        String board = boardWithShapes("Accessible board");
        try (Browser browser = BoardPages.onBoard(new Browser(AppServer.baseUri()), "alice", board)) {
            browser.await(d -> BoardPages.shapeCount(browser) == 3 ? true : null);
            Accessibility.check(browser, "the board page (chat closed)");

            browser.find(By.id("chat-toggle")).click();
            browser.find(By.id("chat-text"));
            Accessibility.check(browser, "the board page (chat open)");

            browser.find(By.id("share")).click();
            browser.find(By.cssSelector("#share-members [data-member='alice']"));
            Accessibility.check(browser, "the share dialog (on the board page)");
        }
    }

    @Test
    void theBoardPageOfAViewer() {
        String board = boardWithShapes("Accessible to look at");
        Http.Reply granted = Http.as(AppServer.baseUri(), "alice")
                .putJson("api/boards/" + board + "/members/carol", "{\"role\":\"viewer\"}");
        assertEquals(200, granted.status(), granted::toString);
        try (Browser browser = new Browser(AppServer.baseUri())) {
            BoardPages.onBoard(browser, "carol", board);
            browser.find(By.cssSelector("body[data-role='viewer']"));
            Accessibility.check(browser, "the board page (a viewer)");
        }
    }
}
