package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.ChatClient;
import dev.whiteboard.testing.Http;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The chat in real browsers (headless Chromium): two people chatting beside a board, and a direct message reaching
 * someone on the boards list; user text is shown as text, never HTML (F16).
 */
@ExtendWith(AppServer.class)
class ChatPageIT {

    private static final String HTML = "<b>x</b><script>window.pwned = true</script>";

    @Test
    void twoPeopleChatBesideABoardAndHtmlIsShownAsText() {
        String board = Http.as(AppServer.baseUri(), "alice")
                .postJson("api/boards", "{\"title\":\"Chat in browsers\"}")
                .json()
                .getString("id");
        try (Browser alice = onBoardWithChat("alice", board);
                Browser bob = onBoardWithChat("bob", board)) {
            WebElement box = alice.find(By.id("chat-text"));
            box.sendKeys(HTML);
            bob.await(d -> String.valueOf(bob.script(
                                    "return document.querySelector('#chat [data-chat=typing]')" + ".textContent;"))
                            .contains("alice is typing")
                    ? true
                    : null);
            box.sendKeys(Keys.ENTER);

            WebElement seen = bob.await(d -> d.findElements(By.cssSelector("#chat .chat-message .chat-text")).stream()
                    .filter(e -> HTML.equals(e.getText()))
                    .findFirst()
                    .orElse(null));
            assertEquals(HTML, seen.getText(), "the message is shown literally");
            assertTrue(
                    bob.driver()
                            .findElements(By.cssSelector("#chat .chat-text b, #chat .chat-text script"))
                            .isEmpty(),
                    "no element was made from the text");
            assertEquals(Boolean.FALSE, bob.script("return window.pwned === true;"));
            assertEquals(
                    "alice",
                    seen.findElement(By.xpath(".."))
                            .findElement(By.className("chat-from"))
                            .getText());

            WebElement reply = bob.find(By.id("chat-text"));
            reply.sendKeys("hello alice");
            bob.find(By.cssSelector("#chat [data-chat='form'] button[type='submit']"))
                    .click();
            alice.await(d -> texts(alice).equals(List.of(HTML, "hello alice")) ? true : null);
            bob.await(d -> texts(bob).equals(List.of(HTML, "hello alice")) ? true : null);
            assertEquals(Boolean.FALSE, alice.script("return window.pwned === true;"));
            bob.screenshot("chat-beside-the-board");

            try (Browser carol = onBoardWithChat("carol", board)) {
                carol.await(d -> texts(carol).equals(List.of(HTML, "hello alice")) ? true : null);
            }
        }
    }

    @Test
    void aDirectMessageToSomeoneOnTheBoardsListShowsANotificationAsText() {
        Http bobHttp = Http.as(AppServer.baseUri(), "bob");
        try (Browser bob = new Browser(AppServer.baseUri()).signIn("bob", Http.DEMO_PASSWORD);
                ChatClient alice = ChatClient.inLobby(AppServer.baseUri(), "alice")) {
            bob.open("");
            bob.await(
                    d -> "online".equals(d.findElement(By.id("chat-status")).getAttribute("data-state")) ? true : null);
            bob.await(d -> bobHttp.get("api/presence").array().stream()
                            .map(v -> v.asJsonObject())
                            .anyMatch(p -> "bob".equals(p.getString("user")) && p.getBoolean("lobby"))
                    ? true
                    : null);
            String text = "<i>psst</i> " + System.nanoTime();
            assertTrue(alice.send("dm:alice:bob", text, "toast-" + System.nanoTime())
                    .getBoolean("ok"));

            WebElement toast = bob.await(d -> d.findElements(By.cssSelector(".chat-toast")).stream()
                    .filter(e -> e.getText().contains(text))
                    .findFirst()
                    .orElse(null));
            assertEquals("New message from alice: " + text, toast.getText());
            assertTrue(
                    bob.driver().findElements(By.cssSelector(".chat-toast i")).isEmpty(), "no element from the text");
            bob.await(d -> d.findElement(By.id("chat-unread")).isDisplayed() ? true : null);
            assertTrue(bob.find(By.id("chat-unread")).getText().endsWith("unread"));

            bob.find(By.cssSelector("#dms button")).click();
            bob.await(d -> texts(bob, "#lobby-chat").contains(text) ? true : null);
            bob.screenshot("chat-boards-list");
        }
    }

    @Test
    void roomsOnTheBoardsListAreCreatedJoinedAndDeletedByTheirOwner() {
        String name = "Room <u>" + System.nanoTime() + "</u>";
        try (Browser carol = onBoardsList("carol");
                Browser bob = onBoardsList("bob")) {
            carol.find(By.id("room-name")).sendKeys(name);
            carol.find(By.cssSelector("#room-form button[type='submit']")).click();
            roomButton(carol, name, "Open");
            assertTrue(
                    carol.driver().findElements(By.cssSelector("#rooms .room-name")).stream()
                            .anyMatch(e -> e.getText().equals(name + " (1 in it, owner carol)")),
                    "room names are text");
            assertTrue(carol.driver().findElements(By.cssSelector("#rooms u")).isEmpty(), "never HTML");
            clickRoomButton(carol, name, "Open");
            carol.find(By.id("lobby-chat-text")).sendKeys("welcome to the room", Keys.ENTER);
            carol.await(d -> texts(carol, "#lobby-chat").contains("welcome to the room") ? true : null);

            bob.open(""); // bob's list was loaded before the room was made
            bob.await(
                    d -> "online".equals(d.findElement(By.id("chat-status")).getAttribute("data-state")) ? true : null);
            clickRoomButton(bob, name, "Join");
            clickRoomButton(bob, name, "Open");
            assertTrue(
                    bob.driver()
                            .findElements(By.xpath("//ul[@id='rooms']//button[starts-with(., 'Delete ')]"))
                            .isEmpty(),
                    "only the owner is offered to delete it");
            bob.await(d -> texts(bob, "#lobby-chat").contains("welcome to the room") ? true : null);

            clickRoomButton(carol, name, "Delete");
            bob.await(d -> d.findElements(By.cssSelector(".chat-toast")).stream()
                            .anyMatch(e -> e.getText().equals("The room " + name + " was deleted"))
                    ? true
                    : null);
            bob.await(d -> d.findElements(By.cssSelector("#rooms .room-name")).stream()
                            .noneMatch(e -> e.getText().startsWith(name))
                    ? true
                    : null);
        }
    }

    private static Browser onBoardsList(String user) {
        Browser browser = new Browser(AppServer.baseUri()).signIn(user, Http.DEMO_PASSWORD);
        browser.open("");
        browser.await(
                d -> "online".equals(d.findElement(By.id("chat-status")).getAttribute("data-state")) ? true : null);
        return browser;
    }

    /** The room's button for this verb ("Join", "Open", "Leave", "Delete"), once the list offers it. */
    private static WebElement roomButton(Browser browser, String name, String verb) {
        return browser.await(d -> d.findElements(By.cssSelector("#rooms button")).stream()
                .filter(b -> textOf(b).equals(verb + " " + name))
                .findFirst()
                .orElse(null));
    }

    /** Clicks the room's button for this verb; when the list is drawn again under the click, clicks the new one. */
    private static void clickRoomButton(Browser browser, String name, String verb) {
        browser.await(d -> {
            try {
                roomButton(browser, name, verb).click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    /** The element's text; empty when the list was drawn again meanwhile (the next try finds the new one). */
    private static String textOf(WebElement element) {
        try {
            return element.getText();
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }

    /** The texts of the messages shown, top to bottom (sent ones only: "sending…" ones are left out). */
    private static List<String> texts(Browser browser) {
        return texts(browser, "#chat");
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Browser browser, String panel) {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll(arguments[0] + ' .chat-message:not(.pending)"
                        + " .chat-text')].map(e => e.textContent);",
                panel);
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
