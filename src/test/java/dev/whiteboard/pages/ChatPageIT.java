package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Two people chatting beside a board in two real browsers (headless Chromium); user text is shown as text (F16). */
@ExtendWith(AppServer.class)
class ChatPageIT {

    private static final String HTML = "<b>x</b><script>window.pwned = true</script>";

    @Test
    void twoPeopleChatBesideABoardAndHtmlIsShownAsText() {
        String board = Http.as(AppServer.baseUri(), "alice").postJson("api/boards", "{\"title\":\"Chat in browsers\"}")
                .json().getString("id");
        try (Browser alice = onBoardWithChat("alice", board); Browser bob = onBoardWithChat("bob", board)) {
            WebElement box = alice.find(By.id("chat-text"));
            box.sendKeys(HTML);
            bob.await(d -> String.valueOf(bob.script("return document.querySelector('#chat [data-chat=typing]')"
                    + ".textContent;")).contains("alice is typing") ? true : null);
            box.sendKeys(Keys.ENTER);

            WebElement seen = bob.await(d -> d.findElements(By.cssSelector("#chat .chat-message .chat-text")).stream()
                    .filter(e -> HTML.equals(e.getText())).findFirst().orElse(null));
            assertEquals(HTML, seen.getText(), "the message is shown literally");
            assertTrue(bob.driver().findElements(By.cssSelector("#chat .chat-text b, #chat .chat-text script")).isEmpty(),
                    "no element was made from the text");
            assertEquals(Boolean.FALSE, bob.script("return window.pwned === true;"));
            assertEquals("alice", seen.findElement(By.xpath("..")).findElement(By.className("chat-from")).getText());

            WebElement reply = bob.find(By.id("chat-text"));
            reply.sendKeys("hello alice");
            bob.find(By.cssSelector("#chat [data-chat='form'] button[type='submit']")).click();
            alice.await(d -> texts(alice).equals(List.of(HTML, "hello alice")) ? true : null);
            bob.await(d -> texts(bob).equals(List.of(HTML, "hello alice")) ? true : null);
            assertEquals(Boolean.FALSE, alice.script("return window.pwned === true;"));
            bob.screenshot("chat-beside-the-board");

            try (Browser carol = onBoardWithChat("carol", board)) {
                carol.await(d -> texts(carol).equals(List.of(HTML, "hello alice")) ? true : null);
            }
        }
    }

    /** The texts of the messages shown, top to bottom (sent ones only: "sending…" ones are left out). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#chat .chat-message:not(.pending)"
                + " .chat-text')].map(e => e.textContent);");
    }

    private static Browser onBoardWithChat(String user, String board) {
        Browser browser = new Browser(AppServer.baseUri()).signIn(user, Http.DEMO_PASSWORD);
        browser.open("board.html?id=" + board);
        browser.await(d -> "online".equals(d.findElement(By.id("status")).getAttribute("data-state")) ? true : null);
        browser.find(By.id("chat-toggle")).click();
        browser.await(d -> d.findElement(By.id("chat")).isDisplayed() ? true : null);
        return browser;
    }
}
