package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.awaitLive;
import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.pixel;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static dev.whiteboard.pages.BoardPages.unsaved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Sticky notes (issue 15, item 4) in real browsers: typed in place, seen by the others, stored, exported. */
@ExtendWith(AppServer.class)
class NotesPageIT {

    private static final String TEXT = "Plan the <b>workshop</b> with everyone on Friday";

    /** The notes of the scene a browser shows: {@code [{text, fill, points}]}. */
    @SuppressWarnings("unchecked")
    private static List<Object> notesIn(Browser browser) {
        return (List<Object>) browser.script("const s = window.whiteboard.state;"
                + " return [...s.shapes.values(), ...s.local.values()].filter(x => x.kind === 'note')"
                + ".map(x => ({ text: x.text, fill: x.fill, points: x.points }));");
    }

    private static JsonArray storedShapes(Http http, String board) {
        return http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes");
    }

    @Test
    void aNoteTypedInPlaceReachesTheOtherBrowserAndTheDiagramAndIsResizedAndExported() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Notes");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            new Actions(alice.driver()).sendKeys("n").perform();
            assertEquals(
                    "true",
                    alice.find(By.cssSelector("button[data-tool='note']")).getAttribute("aria-pressed"));
            assertTrue(
                    alice.find(By.cssSelector("[data-note-colour='#ffd43b']")).isDisplayed(),
                    "the note colours show with the Note tool");
            WebElement canvas = alice.find(By.id("canvas"));
            int left = canvas.getRect().getX();
            int top = canvas.getRect().getY();
            new Actions(alice.driver())
                    .moveToLocation(left + 100, top + 100)
                    .click()
                    .perform();
            alice.await(d -> "note-editor".equals(d.switchTo().activeElement().getAttribute("id")) ? true : null);
            new Actions(alice.driver()).sendKeys(TEXT).perform();
            assertEquals(0L, shapeCount(alice), "nothing is placed while typing");
            alice.screenshot("board-note-typing");
            new Actions(alice.driver())
                    .keyDown(Keys.CONTROL)
                    .sendKeys(Keys.ENTER)
                    .keyUp(Keys.CONTROL)
                    .perform();

            bob.await(d -> notesIn(bob).size() == 1 ? true : null);
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) notesIn(bob).get(0);
            assertEquals(TEXT, seen.get("text"));
            assertEquals("#ffd43b", seen.get("fill"));
            bob.await(d -> {
                long[] rgb = pixel(bob, 292, 150); // inside the note, right of its text: its colour
                return rgb[0] > 240 && rgb[1] > 195 && rgb[1] < 225 && rgb[2] < 80 ? true : null;
            });
            assertTrue(
                    (Boolean) bob.script("return document.getElementById('note-editor').hidden;"),
                    "the other person only sees the drawn note");
            bob.screenshot("board-note-bob");

            alice.await(d -> unsaved(alice) == 0 ? true : null);
            JsonArray stored = storedShapes(owner, board);
            assertEquals(1, stored.size(), stored::toString);
            JsonObject note = stored.getJsonObject(0);
            assertEquals("note", note.getString("kind"));
            assertEquals(TEXT, note.getString("text"));
            assertEquals("#ffd43b", note.getString("fill"));
            JsonArray points = note.getJsonArray("points");
            double[] expected = {100, 100, 300, 300}; // a click puts a 200 x 200 note with its corner there
            for (int i = 0; i < 4; i++) {
                assertEquals(expected[i], points.getJsonNumber(i).doubleValue(), 2, points::toString);
            }

            // resized with Select, from its corner handle; recoloured from the note palette
            new Actions(alice.driver()).sendKeys("v").perform();
            new Actions(alice.driver())
                    .moveToLocation(left + 200, top + 200)
                    .click()
                    .pause(java.time.Duration.ofMillis(700)) // not a double click (that edits the text)
                    .moveToLocation(left + 302, top + 302)
                    .clickAndHold()
                    .moveByOffset(50, 25)
                    .moveByOffset(50, 25)
                    .release()
                    .perform();
            alice.find(By.cssSelector("[data-note-colour='#74c0fc']")).click();
            alice.await(d -> {
                JsonObject now = storedShapes(owner, board).getJsonObject(0);
                return unsaved(alice) == 0
                                && now.getJsonArray("points").getJsonNumber(2).doubleValue() > 380
                                && "#74c0fc".equals(now.getString("fill"))
                        ? true
                        : null;
            });
            bob.await(d -> notesIn(bob).toString().contains("#74c0fc") ? true : null);
            assertEquals(TEXT, storedShapes(owner, board).getJsonObject(0).getString("text"));

            // exports: SVG keeps the text as text, JSON carries the note and imports into another board
            String svg = (String) alice.script("return window.whiteboard.exportSvg();");
            assertTrue(svg.contains("fill=\"#74c0fc\"") && svg.contains("&lt;b&gt;workshop&lt;/b&gt;"), svg);
            assertTrue(svg.contains(">Friday</tspan>"), svg);
            assertFalse(svg.contains("<b>"), svg);
            String json = (String) alice.script("return window.whiteboard.exportJson();");
            assertTrue(json.contains("\"kind\": \"note\""), json);
            Long pngBytes = (Long) alice.asyncScript("const done = arguments[arguments.length - 1];"
                    + " window.whiteboard.renderPng().then(b => done(b ? b.size : 0));");
            assertTrue(pngBytes > 500, "the PNG export draws the note");

            String other = newBoard(owner, "Notes imported");
            alice.open("board.html?id=" + other);
            awaitLive(alice);
            assertEquals(1L, alice.script("return window.whiteboard.importJson(arguments[0]);", json));
            alice.await(d -> unsaved(alice) == 0 && storedShapes(owner, other).size() == 1 ? true : null);
            JsonObject imported = storedShapes(owner, other).getJsonObject(0);
            assertEquals("note", imported.getString("kind"));
            assertEquals(TEXT, imported.getString("text"));
            assertEquals("#74c0fc", imported.getString("fill"));
        }
    }

    @Test
    void aViewerCannotPutANote() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Notes, look only");
        owner.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}");
        Http dave = Http.as(AppServer.baseUri(), "dave");
        Http.Reply refused = dave.putJson(
                "api/boards/" + board + "/shapes/n1",
                "{\"kind\":\"note\",\"text\":\"mine\",\"fill\":\"#ffd43b\",\"points\":[0,0,200,200]}");
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("forbidden", refused.json().getString("error"));

        try (Browser browser = onBoard("dave", board)) {
            new Actions(browser.driver()).sendKeys("n").perform();
            WebElement canvas = browser.find(By.id("canvas"));
            new Actions(browser.driver()).moveToElement(canvas).click().perform();
            assertTrue(
                    (Boolean) browser.script("return document.getElementById('note-editor').hidden;"),
                    "no note editor for a viewer");
            assertEquals(0L, shapeCount(browser));

            owner.putJson(
                    "api/boards/" + board + "/shapes/from-alice",
                    "{\"kind\":\"note\",\"text\":\"Read me\",\"points\":[10,10,210,210]}");
            browser.await(d -> notesIn(browser).size() == 1 ? true : null);
        }
        JsonArray stored = storedShapes(owner, board);
        assertEquals(1, stored.size(), stored::toString);
        assertEquals("#ffd43b", stored.getJsonObject(0).getString("fill"), "a note without a colour is yellow");
    }
}
