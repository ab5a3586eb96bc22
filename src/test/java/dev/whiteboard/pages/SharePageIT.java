package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonArray;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The share dialog (issue 21, item 3) in real browsers, on private boards ({@code default-role=none}): an owner shares
 * a board with a colleague as viewer through the dialog's people search; the colleague, in a second browser, finds it
 * under "Shared with me", can view but not draw, and is made an editor without reloading; removing the creator is
 * refused with the server's reason; a board shared by link is opened by a third account.
 */
class SharePageIT {

    private static TestServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        server = TestServer.onOwnDatabase("share_page")
                .withEnvironment("WHITEBOARD_BOARDS_DEFAULT_ROLE", "none")
                .startFresh();
        base = server.baseUri();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static JsonArray shapes(Http http, String board) {
        return http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes");
    }

    private static void stroke(Browser browser) {
        WebElement canvas = browser.find(By.id("canvas"));
        new Actions(browser.driver())
                .moveToElement(canvas, -100, -50)
                .clickAndHold()
                .moveByOffset(40, 10)
                .moveByOffset(40, 20)
                .release()
                .perform();
    }

    private static String role(Browser browser) {
        return browser.driver().findElement(By.id("role")).getText();
    }

    @Test
    void anOwnerSharesWithAViewerWhoIsMadeAnEditorWithoutReloading() throws InterruptedException {
        Http alice = Http.as(base, "alice");
        String board = BoardPages.newBoard(alice, "Workshop plan");
        try (Browser owner = BoardPages.onBoard(new Browser(base), "alice", board);
                Browser bob = new Browser(base).signIn("bob", Http.DEMO_PASSWORD)) {
            owner.find(By.id("share")).click();
            owner.find(By.id("share-search")).sendKeys("Bo");
            owner.find(By.cssSelector("#share-results [data-user='bob']")).click();
            new Select(owner.find(By.id("share-role"))).selectByValue("viewer");
            owner.find(By.id("share-add")).click();
            WebElement row = owner.find(By.cssSelector("#share-members [data-member='bob']"));
            assertEquals(
                    "viewer",
                    new Select(row.findElement(By.cssSelector(".member-role")))
                            .getFirstSelectedOption()
                            .getText());
            owner.screenshot("share-dialog");

            // the creator is the last owner: the server refuses, the dialog says why
            owner.find(By.cssSelector("#share-members [data-member='alice'] .member-remove"))
                    .click();
            assertTrue(owner.find(By.id("share-error")).getText().contains("always an owner"));

            // bob finds it under "Shared with me", opens it, can look but not draw
            bob.open("");
            BoardsHomePageIT.show(bob, "shared");
            WebElement link = bob.find(By.cssSelector("[data-board-id='" + board + "'] a.board-title"));
            assertEquals("Workshop plan", link.getText());
            link.click();
            BoardPages.awaitLive(bob);
            assertEquals("viewer", role(bob));
            new Actions(bob.driver()).sendKeys("p").perform();
            stroke(bob);
            Thread.sleep(Duration.ofMillis(700).toMillis()); // what a viewer's stroke could have sent has arrived
            assertEquals(0, shapes(alice, board).size(), "a viewer draws nothing");

            // made an editor in the dialog: bob's page follows without a reload, and bob draws
            new Select(owner.find(By.cssSelector("#share-members [data-member='bob'] .member-role")))
                    .selectByValue("editor");
            bob.await(d -> "editor".equals(role(bob)) ? true : null);
            bob.find(By.cssSelector("button[data-tool='pen']")).click();
            stroke(bob);
            bob.await(d -> shapes(alice, board).isEmpty() ? null : true);
            assertTrue(
                    shapes(alice, board).stream()
                            .allMatch(shape -> "bob".equals(shape.asJsonObject().getString("author"))),
                    "bob drew as an editor");
            assertEquals(
                    "editor",
                    alice.get("api/boards/" + board + "/members").array().stream()
                            .map(v -> v.asJsonObject())
                            .filter(m -> m.getString("user").equals("bob"))
                            .findFirst()
                            .orElseThrow()
                            .getString("role"));
        }
    }

    @Test
    void aBoardSharedByLinkIsOpenedByAThirdAccount() {
        Http alice = Http.as(base, "alice");
        String board = BoardPages.newBoard(alice, "Open by link");
        try (Browser owner = new Browser(base).signIn("alice", Http.DEMO_PASSWORD);
                Browser carol = new Browser(base).signIn("carol", Http.DEMO_PASSWORD)) {
            carol.open("board.html?id=" + board);
            carol.await(d -> d.findElement(By.id("message")).getText().isBlank() ? null : true);

            owner.open("");
            owner.find(By.cssSelector("[data-board-id='" + board + "'] .board-share"))
                    .click();
            new Select(owner.find(By.id("share-link"))).selectByValue("view");
            owner.await(
                    d -> "view".equals(alice.get("api/boards/" + board).json().getString("linkAccess")) ? true : null);
            owner.find(By.id("share-copy")).click();
            assertTrue(owner.find(By.id("share-note"))
                    .getText()
                    .matches("(?s)Link copied\\.|The link: .*board\\.html\\?id=" + board));

            carol.open("board.html?id=" + board);
            BoardPages.awaitLive(carol);
            assertEquals("viewer", role(carol));
        }
    }
}
