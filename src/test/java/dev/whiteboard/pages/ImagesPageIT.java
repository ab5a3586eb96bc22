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
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Image shapes (issue 15, item 3) in real browsers: an image pasted in one browser and one dropped in the other
 * reach both, are stored as assets, resize with Shift keeping their aspect, and are in the PNG, SVG and JSON exports
 * (the JSON imported into another board brings its images along); a viewer adds none.
 */
@ExtendWith(AppServer.class)
class ImagesPageIT {

    /**
     * Makes a {@code width} × {@code height} PNG of one colour in the page and hands it to the page as an image
     * file, through the event a person's paste or drop fires ({@code paste} on the document, {@code drop} on the
     * canvas at the given client point).
     */
    private static final String GIVE_IMAGE = "const [event, colour, width, height, x, y] = arguments;"
            + " const done = arguments[arguments.length - 1];"
            + " const c = document.createElement('canvas'); c.width = width; c.height = height;"
            + " const g = c.getContext('2d'); g.fillStyle = colour; g.fillRect(0, 0, width, height);"
            + " c.toBlob((blob) => {"
            + "   const files = new DataTransfer(); files.items.add(new File([blob], 'picture.png', { type: 'image/png' }));"
            + "   if (event === 'paste') {"
            + "     document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: files, bubbles: true, cancelable: true }));"
            + "   } else {"
            + "     const canvas = document.getElementById('canvas'); const r = canvas.getBoundingClientRect();"
            + "     canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: files, clientX: r.left + x, clientY: r.top + y,"
            + "       bubbles: true, cancelable: true }));"
            + "   }"
            + "   done(true);"
            + " }, 'image/png');";

    /** The images of the scene a browser shows: {@code [{asset, points}]}. */
    @SuppressWarnings("unchecked")
    private static List<Object> imagesIn(Browser browser) {
        return (List<Object>) browser.script("const s = window.whiteboard.state;"
                + " return [...new Map([...s.shapes, ...s.local]).values()].filter(x => x.kind === 'image')"
                + ".map(x => ({ asset: x.asset, points: x.points }));");
    }

    private static JsonArray storedShapes(Http http, String board) {
        return http.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes");
    }

    private static boolean red(long[] rgb) {
        return rgb[0] > 200 && rgb[1] < 60 && rgb[2] < 60;
    }

    private static boolean blue(long[] rgb) {
        return rgb[0] < 60 && rgb[1] < 60 && rgb[2] > 200;
    }

    /** How many pixels of the board's PNG export are pure red and pure blue. */
    @SuppressWarnings("unchecked")
    private static List<Long> exportedColours(Browser browser) {
        return (List<Long>) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " window.whiteboard.renderPng().then(b => createImageBitmap(b)).then(bitmap => {"
                + "   const c = document.createElement('canvas'); c.width = bitmap.width; c.height = bitmap.height;"
                + "   const g = c.getContext('2d'); g.drawImage(bitmap, 0, 0);"
                + "   const d = g.getImageData(0, 0, c.width, c.height).data; let red = 0, blue = 0;"
                + "   for (let i = 0; i < d.length; i += 4) {"
                + "     if (d[i] > 200 && d[i + 1] < 60 && d[i + 2] < 60) red++;"
                + "     if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] > 200) blue++; }"
                + "   done([red, blue]); });");
    }

    @Test
    void anImagePastedInOneBrowserAndOneDroppedInTheOtherReachBothAndTheExports() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Images");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            WebElement canvas = alice.find(By.id("canvas"));
            int left = canvas.getRect().getX();
            int top = canvas.getRect().getY();
            new Actions(alice.driver()).moveToLocation(left + 200, top + 150).perform(); // a paste lands here
            alice.asyncScript(GIVE_IMAGE, "paste", "#ff0000", 80, 40, 0, 0);

            bob.await(d -> imagesIn(bob).size() == 1 ? true : null);
            bob.await(d -> red(pixel(bob, 200, 150)) && red(pixel(bob, 235, 165)) ? true : null);
            assertFalse(red(pixel(bob, 250, 150)), "the image is its own size: 80 × 40, centred where pasted");

            alice.await(d -> unsaved(alice) == 0 ? true : null);
            JsonArray stored = storedShapes(owner, board);
            assertEquals(1, stored.size(), stored::toString);
            JsonObject image = stored.getJsonObject(0);
            assertEquals("image", image.getString("kind"));
            String asset = image.getString("asset");
            Http.Reply download = owner.get("api/boards/" + board + "/assets/" + asset);
            assertEquals(200, download.status());
            assertEquals("image/png", download.header("Content-Type"));
            JsonArray points = image.getJsonArray("points");
            double[] expected = {160, 130, 240, 170};
            for (int i = 0; i < 4; i++) {
                assertEquals(expected[i], points.getJsonNumber(i).doubleValue(), 1, points::toString);
            }

            bob.asyncScript(GIVE_IMAGE, "drop", "#0000ff", 60, 60, 400, 300);
            alice.await(d -> imagesIn(alice).size() == 2 ? true : null);
            alice.await(d -> blue(pixel(alice, 400, 300)) ? true : null);
            alice.screenshot("board-images");

            List<Long> colours = exportedColours(bob);
            assertTrue(colours.get(0) > 80 * 40 * 0.9 && colours.get(1) > 60 * 60 * 0.9, colours::toString);

            // resized with Select from the corner handle, Shift held: the same scale both ways
            new Actions(alice.driver()).sendKeys("v").perform();
            // the Select tool shows its own controls in the toolbar, which may wrap and move the canvas down
            int selectLeft = canvas.getRect().getX();
            int selectTop = canvas.getRect().getY();
            new Actions(alice.driver())
                    .moveToLocation(selectLeft + 200, selectTop + 150)
                    .click()
                    .moveToLocation(selectLeft + 243, selectTop + 173) // the handle: the box's bottom-right corner
                    .keyDown(Keys.SHIFT)
                    .clickAndHold()
                    .moveByOffset(40, 5)
                    .moveByOffset(40, 5)
                    .release()
                    .keyUp(Keys.SHIFT)
                    .perform();
            alice.await(d -> {
                JsonArray now = storedShapes(owner, board);
                JsonObject first = now.getJsonObject(0);
                double width = first.getJsonArray("points").getJsonNumber(2).doubleValue()
                        - first.getJsonArray("points").getJsonNumber(0).doubleValue();
                return unsaved(alice) == 0 && width > 120 ? true : null;
            });
            JsonArray resized = storedShapes(owner, board).getJsonObject(0).getJsonArray("points");
            double width = resized.getJsonNumber(2).doubleValue()
                    - resized.getJsonNumber(0).doubleValue();
            double height = resized.getJsonNumber(3).doubleValue()
                    - resized.getJsonNumber(1).doubleValue();
            assertEquals(2.0, width / height, 0.05, resized::toString);

            String svg = (String) alice.script("return window.whiteboard.exportSvg();");
            assertEquals(2, svg.split("<image ", -1).length - 1, svg.length() > 400 ? svg.substring(0, 400) : svg);
            assertTrue(svg.contains("href=\"data:image/png;base64,"), "the pictures are in the SVG file");

            String json = (String) alice.script("return window.whiteboard.exportJson();");
            assertTrue(json.contains("\"asset\": \"" + asset + "\""), json);
            String other = newBoard(owner, "Images imported");
            alice.open("board.html?id=" + other);
            awaitLive(alice);
            assertEquals(2L, alice.script("return window.whiteboard.importJson(arguments[0]);", json));
            alice.await(d -> storedShapes(owner, other).size() == 2 ? true : null);
            Http.Reply copied = owner.get("api/boards/" + other + "/assets/" + asset);
            assertEquals(200, copied.status(), "the import stored the picture on the other board");
            alice.await(d -> red(pixel(alice, 200, 150)) ? true : null);
        }
    }

    @Test
    void aViewerAddsNoImage() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Images, look only");
        owner.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}");
        try (Browser dave = onBoard("dave", board)) {
            assertEquals(
                    "none",
                    dave.script(
                            "return getComputedStyle(document.getElementById('image-file').parentElement).display;"),
                    "no Image button for a viewer");
            dave.asyncScript(GIVE_IMAGE, "paste", "#ff0000", 40, 40, 0, 0);
            Eventually.until(
                    "the viewer is told",
                    Duration.ofSeconds(15),
                    () -> String.valueOf(dave.script("return window.whiteboard.state.role + ': '"
                            + " + document.getElementById('message').textContent;")),
                    seen -> seen.contains("Viewers cannot add images"));
            dave.asyncScript(GIVE_IMAGE, "drop", "#ff0000", 40, 40, 100, 100);
            assertEquals(0L, shapeCount(dave));
        }
        assertEquals(0, storedShapes(owner, board).size());
    }
}
