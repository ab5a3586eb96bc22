package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.awaitLive;
import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.unsaved;
import static dev.whiteboard.pages.HistoryPages.ELLIPSE;
import static dev.whiteboard.pages.HistoryPages.NOTE;
import static dev.whiteboard.pages.HistoryPages.RECT_A;
import static dev.whiteboard.pages.HistoryPages.RECT_B;
import static dev.whiteboard.pages.HistoryPages.awaitShown;
import static dev.whiteboard.pages.HistoryPages.http;
import static dev.whiteboard.pages.HistoryPages.listedVersions;
import static dev.whiteboard.pages.HistoryPages.liveIds;
import static dev.whiteboard.pages.HistoryPages.openPanel;
import static dev.whiteboard.pages.HistoryPages.preview;
import static dev.whiteboard.pages.HistoryPages.put;
import static dev.whiteboard.pages.HistoryPages.remove;
import static dev.whiteboard.pages.HistoryPages.saveVersion;
import static dev.whiteboard.pages.HistoryPages.shownIds;
import static dev.whiteboard.pages.HistoryPages.stored;
import static dev.whiteboard.pages.HistoryPages.storedIds;
import static dev.whiteboard.pages.HistoryPages.versionAction;
import static dev.whiteboard.pages.HistoryPages.versionItem;
import static dev.whiteboard.pages.HistoryPages.versionShapes;
import static dev.whiteboard.pages.HistoryPages.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The version history's comparisons and the ways out of a preview (issue 16), in real browsers against the real
 * history API: two versions compared (the canvas outlines what was added, changed and removed, the card counts
 * them); shapes copied out of a preview pasted into the live board with new ids; a preview exported as PNG, SVG and
 * JSON of the version; "Load more" past the panel's first page; an owner deleting a version (gone for the other
 * browser too, which, an editor, has no delete); a removed shape recovered from the comparison card; and an import
 * through the board menu keeping the board as it was as a version that restores it. Two browsers (alice, the owner,
 * and bob, an editor) serve every test.
 */
@ExtendWith(AppServer.class)
class HistoryComparePageIT {

    private static Browser alice;
    private static Browser bob;

    /** The colours of the comparison's outlines (highlights.js). */
    private static final long[] ADDED = {0x2f, 0x9e, 0x44};

    private static final long[] BLACK = {0, 0, 0};

    private static final long[] CHANGED = {0xf0, 0x8c, 0x00};
    private static final long[] REMOVED = {0xe0, 0x31, 0x31};

    @BeforeAll
    static void signIn() {
        alice = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD);
        bob = new Browser(AppServer.baseUri()).signIn("bob", Http.DEMO_PASSWORD);
    }

    @AfterAll
    static void close() {
        if (alice != null) alice.close();
        if (bob != null) bob.close();
    }

    private static Browser on(Browser browser, String board) {
        browser.open("board.html?id=" + board);
        awaitLive(browser);
        return browser;
    }

    /** A new board of alice's, on which bob is an editor. */
    private static String board(String title) {
        String board = newBoard(http("alice"), title);
        Http.Reply granted = http("alice").putJson("api/boards/" + board + "/members/bob", "{\"role\":\"editor\"}");
        assertEquals(200, granted.status(), granted::toString);
        return board;
    }

    /** Where the board point (x, y) is in the window, CSS pixels, with the page's view as it is now. */
    private static int[] screen(Browser browser, double x, double y) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) browser.script(
                "const v = window.whiteboard.state.view;"
                        + " const r = document.getElementById('canvas').getBoundingClientRect();"
                        + " return [r.left + arguments[0] * v.scale + v.x, r.top + arguments[1] * v.scale + v.y];",
                x,
                y);
        return new int[] {
            (int) Math.round(xy.get(0).doubleValue()),
            (int) Math.round(xy.get(1).doubleValue())
        };
    }

    /**
     * The canvas pixels within 24 units around the board box [x0, y0, x1, y1] (in the page's view) that are of the
     * colour {@code rgb} (within a small tolerance, for antialiasing).
     */
    private static long pixelsOfColourAround(Browser browser, long[] rgb, double x0, double y0, double x1, double y1) {
        return (Long) browser.script(
                "const [x0, y0, x1, y1, r, g, b] = arguments;"
                        + " const v = window.whiteboard.state.view; const c = document.getElementById('canvas');"
                        + " const ratio = window.devicePixelRatio || 1;"
                        + " const px = (u, o) => Math.round((u * v.scale + o) * ratio);"
                        + " const left = Math.max(0, px(x0 - 24, v.x)), top = Math.max(0, px(y0 - 24, v.y));"
                        + " const w = Math.min(c.width, px(x1 + 24, v.x)) - left, h = Math.min(c.height, px(y1 + 24, v.y)) - top;"
                        + " const d = c.getContext('2d').getImageData(left, top, w, h).data; let n = 0;"
                        + " for (let i = 0; i < d.length; i += 4) {"
                        + "   if (Math.abs(d[i] - r) < 24 && Math.abs(d[i + 1] - g) < 24 && Math.abs(d[i + 2] - b) < 24) n++; }"
                        + " return n;",
                x0,
                y0,
                x1,
                y1,
                rgb[0],
                rgb[1],
                rgb[2]);
    }

    private static List<Double> points(JsonObject shape) {
        return shape.getJsonArray("points").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::doubleValue)
                .toList();
    }

    private static String compareList(Browser browser) {
        return (String) browser.script("return [...document.querySelectorAll('#compare [data-change]')]"
                + ".map(li => li.dataset.change + ':' + li.dataset.shapeId).sort().join(' ');");
    }

    @Test
    void twoVersionsAreComparedWithWhatChangedOutlinedOnTheCanvasAndCounted() {
        Http owner = http("alice");
        String board = board("History compared");
        put(owner, board, "a", RECT_A);
        put(owner, board, "b", RECT_B);
        put(owner, board, "c", ELLIPSE);
        String before = saveVersion(owner, board, "Before");
        put(owner, board, "a", "{\"kind\":\"rectangle\",\"points\":[100,100,240,200]}");
        remove(owner, board, "b");
        put(owner, board, "d", "{\"kind\":\"rectangle\",\"points\":[320,300,420,380]}");
        String after = saveVersion(owner, board, "After");
        // the live board moves on: the comparison is of the two versions, not of either with live
        put(owner, board, "e", "{\"kind\":\"rectangle\",\"points\":[600,300,700,380]}");
        remove(owner, board, "c");

        on(alice, board);
        awaitShown(alice, Set.of("a", "d", "e"));
        openPanel(alice);
        versionAction(alice, before, "compare-pick");
        assertTrue(alice.find(By.cssSelector("#history [data-history='pick']"))
                .getText()
                .contains("Choose the version to compare with “Before”"));
        versionItem(alice, after).findElement(By.cssSelector(".version-open")).click();

        // the newer version is previewed, with what changed since the older one
        alice.find(By.cssSelector("body[data-preview='" + after + "'] #preview-banner"));
        awaitShown(alice, Set.of("a", "c", "d"));
        WebElement card = alice.find(By.id("compare"));
        String title = card.findElement(By.tagName("h2")).getText();
        assertTrue(title.startsWith("From “Before”") && title.contains(" to “After”"), title);
        assertEquals(
                "3 shapes: 1 added, 1 changed, 1 removed.",
                card.findElement(By.cssSelector("[data-compare='summary']")).getText());
        assertEquals("added:d changed:a removed:b", compareList(alice));

        // the canvas: d outlined in green, a in amber, b's ghost in a red box; c, unchanged, in none of them
        alice.await(d -> pixelsOfColourAround(alice, ADDED, 320, 300, 420, 380) > 50 ? true : null);
        assertTrue(pixelsOfColourAround(alice, CHANGED, 100, 100, 240, 200) > 50, "a outlined as changed");
        assertTrue(pixelsOfColourAround(alice, REMOVED, 300, 100, 400, 160) > 50, "b boxed as removed");
        for (long[] colour : List.of(ADDED, CHANGED, REMOVED)) {
            assertEquals(0L, pixelsOfColourAround(alice, colour, 100, 300, 220, 380), "c is not highlighted");
        }
        assertEquals(0L, pixelsOfColourAround(alice, ADDED, 100, 100, 240, 200), "a is not outlined as added");
        alice.screenshot("history-compare-versions");

        // the live board was not touched, and Done ends the comparison with its preview
        assertEquals(Set.of("a", "d", "e"), liveIds(alice));
        assertEquals(Set.of("a", "d", "e"), storedIds(owner, board));
        card.findElement(By.cssSelector("[data-compare='done']")).click();
        alice.await(d -> !d.findElement(By.id("compare")).isDisplayed() ? true : null);
        awaitShown(alice, Set.of("a", "d", "e"));
        assertEquals(null, alice.script("return document.body.dataset.preview ?? null;"));
        assertEquals(0L, pixelsOfColourAround(alice, ADDED, 320, 300, 420, 380), "the highlights are gone");
    }

    @Test
    void shapesCopiedFromAPreviewArePastedIntoTheLiveBoardWithNewIds() {
        Http owner = http("alice");
        String board = board("History copied");
        put(owner, board, "a", RECT_A);
        put(owner, board, "n", NOTE);
        String first = saveVersion(owner, board, "With the note");
        remove(owner, board, "a");
        remove(owner, board, "n");
        put(owner, board, "b", RECT_B);

        on(alice, board);
        on(bob, board);
        awaitShown(alice, Set.of("b"));
        awaitShown(bob, Set.of("b"));
        openPanel(alice);
        preview(alice, first);
        awaitShown(alice, Set.of("a", "n"));

        // Select picks the version's shapes: a click on the rectangle's edge, Shift+click on the note
        int[] edge = screen(alice, 150, 100);
        int[] note = screen(alice, 575, 175);
        new Actions(alice.driver())
                .moveToLocation(edge[0], edge[1])
                .click()
                .keyDown(Keys.SHIFT)
                .moveToLocation(note[0], note[1])
                .click()
                .keyUp(Keys.SHIFT)
                .perform();
        alice.await(d ->
                Long.valueOf(2).equals(alice.script("return window.whiteboard.state.selection.size;")) ? true : null);
        alice.find(By.cssSelector("#preview-banner [data-preview='copy']")).click();
        assertTrue(alice.find(By.id("message")).getText().startsWith("Copied 2 shapes"));
        assertEquals(0L, unsaved(alice), "the preview sends nothing");
        assertEquals(Set.of("b"), storedIds(owner, board));

        // back to live, pasted at the pointer: new ids, the version's shapes as they were, for the other too
        alice.find(By.cssSelector("#preview-banner [data-preview='back']")).click();
        awaitShown(alice, Set.of("b"));
        // (the pointer only moved there: a click would draw with the tool in hand before the preview, the pen)
        int[] at = screen(alice, 500, 450);
        new Actions(alice.driver())
                .moveToLocation(at[0], at[1])
                .keyDown(Keys.CONTROL)
                .sendKeys("v")
                .keyUp(Keys.CONTROL)
                .perform();
        alice.await(d -> unsaved(alice) == 0 && stored(owner, board).size() == 3 ? true : null);
        Map<String, JsonObject> shapes = stored(owner, board);
        assertTrue(shapes.containsKey("b"));
        Set<String> pasted = new TreeSet<>(shapes.keySet());
        pasted.remove("b");
        assertFalse(pasted.contains("a") || pasted.contains("n"), "new ids: " + pasted);
        Map<String, JsonObject> byKind =
                pasted.stream().map(shapes::get).collect(Collectors.toMap(s -> s.getString("kind"), s -> s));
        assertEquals(Set.of("rectangle", "note"), byKind.keySet());
        assertEquals("Keep me", byKind.get("note").getString("text"));
        JsonObject box = byKind.get("rectangle");
        assertEquals(
                100,
                box.getJsonArray("points").getJsonNumber(2).doubleValue()
                        - box.getJsonArray("points").getJsonNumber(0).doubleValue(),
                0.5,
                "the size is kept");
        bob.await(d -> shownIds(bob).equals(shapes.keySet()) ? true : null);
        assertEquals(Set.of("a", "n"), versionShapes(owner, board, first).keySet(), "the version is as it was");
    }

    private static Optional<Path> downloaded(Path dir, String extension) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("." + extension)
                            && f.toFile().length() > 0)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void exportPreview(Browser browser, String format) {
        browser.find(By.cssSelector("#preview-banner [data-preview='export']")).click();
        browser.find(By.cssSelector("#preview-export-menu [data-export='" + format + "']"))
                .click();
        browser.await(d -> !d.findElement(By.id("preview-export-menu")).isDisplayed() ? true : null);
    }

    @Test
    void aPreviewExportsTheVersionAsPngSvgAndJson(@TempDir Path downloads) throws IOException {
        Http owner = http("alice");
        String board = board("History exported");
        put(owner, board, "a", RECT_A);
        put(owner, board, "n", NOTE);
        String first = saveVersion(owner, board, "Exported");
        remove(owner, board, "a");
        put(owner, board, "b", RECT_B);

        on(alice, board);
        awaitShown(alice, Set.of("b", "n"));
        ((ChromeDriver) alice.driver())
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        openPanel(alice);
        preview(alice, first);
        awaitShown(alice, Set.of("a", "n"));
        exportPreview(alice, "json");
        exportPreview(alice, "svg");
        exportPreview(alice, "png");
        alice.await(d -> Stream.of("json", "svg", "png")
                        .allMatch(e -> downloaded(downloads, e).isPresent())
                ? true
                : null);

        Path jsonFile = downloaded(downloads, "json").orElseThrow();
        assertTrue(
                jsonFile.getFileName().toString().startsWith("History exported (version of "),
                jsonFile.getFileName().toString());
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(jsonFile)))) {
            json = reader.readObject();
        }
        assertEquals("whiteboard", json.getString("format"));
        Map<String, JsonObject> exported = json.getJsonArray("shapes").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(s -> s.getString("id"), s -> s));
        assertEquals(Set.of("a", "n"), exported.keySet(), "the version's shapes, not the live board's");
        assertEquals(points(versionShapes(owner, board, first).get("a")), points(exported.get("a")));

        String svg = Files.readString(downloaded(downloads, "svg").orElseThrow());
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("<rect x=\"100\" y=\"100\" width=\"100\" height=\"60\""), "a is in it: " + svg);
        assertTrue(
                svg.contains(">Keep</tspan>") && svg.contains(">me</tspan>"),
                "the note's text, one line a word: " + svg);
        assertFalse(svg.contains("<rect x=\"300\""), "b, live only, is not: " + svg);

        byte[] png = Files.readAllBytes(downloaded(downloads, "png").orElseThrow());
        assertEquals(0x89504e47, ByteBuffer.wrap(png, 0, 4).getInt(), "a PNG image");
        // the drawn area of the version (a at x 100 to the note's right edge at 650, and a margin), not the live
        // board's (b from 300)
        int width = ByteBuffer.wrap(png, 16, 4).getInt();
        assertTrue(width > 560 && width < 620, "width " + width);

        assertEquals(Set.of("b", "n"), liveIds(alice));
        assertEquals(Set.of("b", "n"), storedIds(owner, board));
    }

    @Test
    void loadMoreBringsTheOlderVersions() {
        Http owner = http("alice");
        String board = board("History paged");
        String oldest = null;
        for (int i = 0; i < 51; i++) {
            put(owner, board, "s", "{\"kind\":\"rectangle\",\"points\":[" + i + ",0,100,100]}");
            String id = saveVersion(owner, board, "Step " + i);
            if (oldest == null) oldest = id;
        }
        String first = oldest;

        on(alice, board);
        openPanel(alice);
        alice.await(d -> listedVersions(alice).size() == 50 ? true : null);
        assertFalse(listedVersions(alice).contains(first));
        WebElement more = alice.find(By.cssSelector("#history [data-history='versions-more']"));
        more.click();
        alice.await(d -> listedVersions(alice).size() == 51 ? true : null);
        List<String> listed = listedVersions(alice);
        assertEquals(first, listed.get(50), "the oldest last");
        assertEquals(
                versions(owner, board).stream().map(v -> v.getString("id")).toList(),
                listed.subList(0, 51),
                "newest first, each once");
        alice.await(d -> !d.findElement(By.cssSelector("#history [data-history='versions-more']"))
                        .isDisplayed()
                ? true
                : null);
        assertTrue(versionItem(alice, first).getText().contains("Step 0"));

        // someone else saves a version: the list follows (versionsChanged) and keeps the older ones loaded
        put(http("bob"), board, "s", "{\"kind\":\"rectangle\",\"points\":[0,0,200,100]}");
        String newest = saveVersion(http("bob"), board, "By Bob");
        alice.await(d -> listedVersions(alice).size() == 52 ? true : null);
        assertEquals(newest, listedVersions(alice).get(0));
        assertEquals(first, listedVersions(alice).get(51), "the oldest is still listed");
    }

    @Test
    void anOwnerDeletesAVersionWhichLeavesTheOtherBrowsersListAndAnEditorCannot() {
        Http owner = http("alice");
        String board = board("History deleted");
        put(owner, board, "a", RECT_A);
        String doomed = saveVersion(owner, board, "Doomed");
        put(owner, board, "b", RECT_B);
        String kept = saveVersion(owner, board, "Kept");

        on(alice, board);
        on(bob, board);
        openPanel(alice);
        openPanel(bob);
        versionItem(alice, doomed);
        versionItem(bob, doomed);

        // the editor: no delete (and no restore: owners only, by default)
        versionItem(bob, doomed).findElement(By.cssSelector(".version-more")).click();
        bob.find(By.cssSelector("#version-menu [data-action='compare-live']"));
        assertFalse(bob.driver()
                .findElement(By.cssSelector("#version-menu [data-action='delete']"))
                .isDisplayed());
        assertFalse(bob.driver()
                .findElement(By.cssSelector("#version-menu [data-action='restore']"))
                .isDisplayed());
        new Actions(bob.driver()).sendKeys(Keys.ESCAPE).perform();
        bob.await(d -> !d.findElement(By.id("version-menu")).isDisplayed() ? true : null);

        versionAction(alice, doomed, "delete");
        alice.await(ExpectedConditions.alertIsPresent()).accept();
        alice.await(d -> listedVersions(alice).equals(List.of(kept)) ? true : null);
        bob.await(d -> listedVersions(bob).equals(List.of(kept)) ? true : null);
        assertEquals(
                List.of(kept),
                versions(owner, board).stream().map(v -> v.getString("id")).toList());
        assertEquals(Set.of("a", "b"), storedIds(owner, board), "the board itself does not change");
    }

    @Test
    void aShapeRemovedSinceAVersionIsRecoveredFromTheComparisonForEveryone() {
        Http owner = http("alice");
        String board = board("History recovered from the comparison");
        put(owner, board, "keep", NOTE);
        put(owner, board, "other", RECT_A);
        String first = saveVersion(owner, board, "With the note");
        remove(http("bob"), board, "keep");

        on(alice, board);
        on(bob, board);
        awaitShown(alice, Set.of("other"));
        awaitShown(bob, Set.of("other"));
        openPanel(alice);
        versionAction(alice, first, "compare-live");
        WebElement card = alice.find(By.id("compare"));
        assertTrue(card.findElement(By.tagName("h2")).getText().startsWith("Since “With the note”"));
        assertEquals(
                "1 shape: 0 added, 0 changed, 1 removed.",
                card.findElement(By.cssSelector("[data-compare='summary']")).getText());
        alice.await(d -> pixelsOfColourAround(alice, REMOVED, 500, 100, 650, 250) > 50 ? true : null);

        card.findElement(By.tagName("summary")).click();
        WebElement item = alice.find(By.cssSelector("#compare li[data-change='removed'][data-shape-id='keep']"));
        assertTrue(item.getText().contains("Note “Keep me”"), item.getText());
        item.findElement(By.xpath(".//button[text()='Recover']")).click();

        awaitShown(alice, Set.of("keep", "other"));
        awaitShown(bob, Set.of("keep", "other"));
        assertEquals(Set.of("keep", "other"), storedIds(owner, board));
        assertEquals("Keep me", stored(owner, board).get("keep").getString("text"));
        alice.await(d -> d.findElements(By.cssSelector("#compare li[data-change='removed']"))
                        .isEmpty()
                ? true
                : null);
    }

    @Test
    void anImportKeepsTheBoardAsItWasAsAVersionThatRestoresIt(@TempDir Path dir) throws IOException {
        Http owner = http("alice");
        String board = board("History imported");
        put(owner, board, "a", RECT_A);
        put(owner, board, "b", RECT_B);
        assertEquals(List.of(), versions(owner, board));
        Path file = dir.resolve("import.json");
        Files.writeString(
                file,
                "{\"format\":\"whiteboard\",\"version\":1,\"shapes\":["
                        + "{\"id\":\"x\",\"kind\":\"ellipse\",\"points\":[100,300,220,380]},"
                        + "{\"id\":\"y\",\"kind\":\"rectangle\",\"points\":[300,300,400,380]}]}");

        on(alice, board);
        awaitShown(alice, Set.of("a", "b"));
        alice.driver().findElement(By.id("import-json")).sendKeys(file.toString());
        alice.await(d -> unsaved(alice) == 0 && stored(owner, board).size() == 4 ? true : null);

        List<JsonObject> listed = versions(owner, board);
        assertEquals(1, listed.size(), listed::toString);
        JsonObject checkpoint = listed.get(0);
        assertEquals("automatic", checkpoint.getString("kind"));
        assertEquals("import", checkpoint.getString("reason"));
        String id = checkpoint.getString("id");
        assertEquals(Set.of("a", "b"), versionShapes(owner, board, id).keySet(), "the board before the import");

        // the panel lists it with its reason; restoring it brings the board before the import back
        openPanel(alice);
        assertEquals(
                "before an import",
                versionItem(alice, id)
                        .findElement(By.cssSelector(".version-reason"))
                        .getText());
        preview(alice, id);
        awaitShown(alice, Set.of("a", "b"));
        alice.find(By.cssSelector("#preview-banner [data-preview='restore']")).click();
        alice.await(ExpectedConditions.alertIsPresent()).accept();
        alice.await(d -> storedIds(owner, board).equals(Set.of("a", "b")) ? true : null);
        alice.await(d -> alice.driver().findElement(By.id("preview-banner")).isDisplayed() ? null : true);
        awaitShown(alice, Set.of("a", "b"));
        assertEquals(
                points(stored(owner, board).get("a")),
                points(versionShapes(owner, board, id).get("a")));
        // and the import itself is kept, before the restore
        JsonObject beforeRestore = versions(owner, board).get(0);
        assertEquals("restore", beforeRestore.getString("reason"));
        assertEquals(
                4, versionShapes(owner, board, beforeRestore.getString("id")).size());
    }

    @Test
    void aPreviewShowsTheVersionsBackgroundImageAndBackToLiveTheBoards() {
        Http owner = http("alice");
        String board = board("History background");
        Http.Reply uploaded = owner.put("api/boards/" + board + "/background", "image/png", Images.encode("png"));
        assertEquals(200, uploaded.status(), uploaded::toString);
        put(owner, board, "a", RECT_A);
        String with = saveVersion(owner, board, "With the image");
        assertEquals(204, owner.delete("api/boards/" + board + "/background").status());

        // the image (32 × 16, black with a blue line) is drawn at the board's origin; the live board has none now
        on(alice, board);
        awaitShown(alice, Set.of("a"));
        assertEquals(0L, pixelsOfColourAround(alice, BLACK, 0, 0, 32, 16), "no image on the live board");
        openPanel(alice);
        preview(alice, with);
        alice.await(d -> pixelsOfColourAround(alice, BLACK, 0, 0, 32, 16) > 100 ? true : null);

        alice.find(By.cssSelector("#preview-banner [data-preview='back']")).click();
        alice.await(d -> pixelsOfColourAround(alice, BLACK, 0, 0, 32, 16) == 0 ? true : null);
        assertFalse(http("alice").get("api/boards/" + board + "/diagram").json().containsKey("background"));
    }
}
