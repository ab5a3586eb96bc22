package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.menuItem;
import static dev.whiteboard.pages.BoardPages.newBoard;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.pixel;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Accessibility;
import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The board page's toolbar and look (issue 15 item 8, issue 21 item 5) in a real browser: the icon toolbar is one
 * row at 1280 and at 1024 px; `?` opens the keyboard-shortcut sheet, which keeps the focus and gives it back when
 * Escape closes it; the board menu works from the keyboard, its exports download and its import adds shapes; the
 * style panel shows what applies to the tool; the theme follows the system, can be switched and is remembered.
 */
@ExtendWith(AppServer.class)
class ToolbarPageIT {

    /** The top offset of every toolbar control shown, and whether any pokes out of the toolbar or the window. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> toolbarLayout(Browser browser) {
        return (Map<String, Object>) browser.script("const bar = document.querySelector('.toolbar');"
                + " const box = bar.getBoundingClientRect();"
                + " const shown = [...bar.querySelectorAll('.tool')].filter(b => b.offsetParent !== null);"
                + " const tops = shown.map(b => Math.round(b.getBoundingClientRect().top));"
                + " const outside = shown.filter(b => { const r = b.getBoundingClientRect();"
                + "   return r.left < box.left || r.right > box.right || r.right > document.documentElement.clientWidth"
                + "     || r.bottom > box.bottom; }).map(b => b.getAttribute('aria-label') || b.id);"
                + " return { count: shown.length, tops: [...new Set(tops)], outside,"
                + "   overflows: bar.scrollWidth > bar.clientWidth };");
    }

    @Test
    void theToolbarIsOneRowAt1280And1024Pixels() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "A board whose title is long enough to take some room in the header");
        for (int width : new int[] {1280, 1024}) {
            try (Browser alice = onBoard(new Browser(AppServer.baseUri(), width, 800), "alice", board)) {
                Map<String, Object> layout = toolbarLayout(alice);
                // 12 tools (the image picker among them), undo, redo, 3 zoom buttons, version history, help and the
                // menu
                assertEquals(20L, layout.get("count"), "every control is shown at " + width + " px");
                assertEquals(1, ((List<?>) layout.get("tops")).size(), "one row at " + width + " px: " + layout);
                assertEquals(List.of(), layout.get("outside"), "nothing outside the toolbar at " + width + " px");
                assertEquals(false, layout.get("overflows"), "the toolbar does not scroll at " + width + " px");
                // the style panel lies over the board: picking a tool does not move the canvas
                double[] before = BoardPages.canvasOrigin(alice);
                alice.find(By.cssSelector("button[data-tool='select']")).click();
                alice.find(By.cssSelector("button[data-tool='hand']")).click();
                alice.find(By.cssSelector("button[data-tool='note']")).click();
                assertArrayEquals(before, BoardPages.canvasOrigin(alice), 0.01, "the canvas stays put");
                alice.screenshot("toolbar-" + width);
            }
        }
    }

    @Test
    void theActiveToolIsPressedAndTheStylePanelShowsWhatApplies() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Styles");
        try (Browser alice = onBoard("alice", board)) {
            WebElement pen = alice.find(By.cssSelector("button[data-tool='pen']"));
            assertEquals("true", pen.getAttribute("aria-pressed"), "the pen is the first tool");
            assertEquals("Pen", pen.getAccessibleName());
            assertTrue(pen.getAttribute("title").contains("(P)"), "its tooltip says its key");

            new Actions(alice.driver()).sendKeys("r").perform();
            assertEquals(
                    "true",
                    alice.find(By.cssSelector("button[data-tool='rectangle']")).getAttribute("aria-pressed"));
            assertEquals("false", pen.getAttribute("aria-pressed"));
            alice.await(d -> d.findElement(By.id("fill")).isDisplayed() ? true : null);

            new Actions(alice.driver()).sendKeys("p").perform();
            alice.await(d -> d.findElement(By.id("fill")).isDisplayed() ? null : true);
            assertFalse(alice.driver()
                    .findElement(By.cssSelector("[data-note-colour='#ffd43b']"))
                    .isDisplayed());

            new Actions(alice.driver()).sendKeys("t").perform();
            alice.await(d -> d.findElement(By.cssSelector(".size-label")).isDisplayed() ? true : null);

            new Actions(alice.driver()).sendKeys("h").perform();
            alice.await(d -> d.findElement(By.id("properties")).isDisplayed() ? null : true);

            // every tool button is reached with Tab, in the toolbar's order
            alice.script("document.querySelector('.home').focus();");
            List<String> reached = new java.util.ArrayList<>();
            for (int i = 0; i < 40 && reached.size() < 20; i++) {
                new Actions(alice.driver()).sendKeys(Keys.TAB).perform();
                Object at = alice.script("const a = document.activeElement;"
                        + " return a.closest('.toolbar') ? (a.dataset.tool || a.id) : null;");
                if (at != null && !reached.contains(at)) reached.add((String) at);
            }
            assertEquals(
                    List.of(
                            "select",
                            "hand",
                            "pen",
                            "line",
                            "arrow",
                            "rectangle",
                            "ellipse",
                            "text",
                            "note",
                            "image-file",
                            "eraser",
                            "laser",
                            "undo",
                            "redo",
                            "zoom-out",
                            "zoom-reset",
                            "zoom-in",
                            "history-button",
                            "help-button",
                            "board-menu-button"),
                    reached);
        }
    }

    @Test
    void theQuestionMarkOpensTheShortcutSheetWhichKeepsTheFocusAndEscapeGivesItBack() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Help");
        try (Browser alice = onBoard("alice", board)) {
            alice.script("document.getElementById('canvas').focus();");
            new Actions(alice.driver()).sendKeys("?").perform();
            WebElement sheet = alice.find(By.id("shortcuts"));
            assertTrue(sheet.getText().contains("Keyboard shortcuts"));
            assertTrue(sheet.getText().contains("Laser pointer"), "it lists the tools' keys");
            assertTrue(sheet.getText().contains("Duplicate"), "and the editing keys");
            alice.screenshot("shortcut-sheet");
            for (int i = 0; i < 3; i++) {
                new Actions(alice.driver()).sendKeys(Keys.TAB).perform();
                assertEquals(
                        true,
                        alice.script("return document.getElementById('shortcuts').contains(document.activeElement);"),
                        "Tab stays inside the sheet");
            }
            new Actions(alice.driver())
                    .keyDown(Keys.SHIFT)
                    .sendKeys(Keys.TAB)
                    .keyUp(Keys.SHIFT)
                    .perform();
            assertEquals(
                    true,
                    alice.script("return document.getElementById('shortcuts').contains(document.activeElement);"));
            new Actions(alice.driver()).sendKeys("p").perform(); // keys inside the sheet do not reach the board
            assertEquals("pen", alice.script("return window.whiteboard.state.tool;"));
            new Actions(alice.driver()).sendKeys("e").perform();
            assertEquals("pen", alice.script("return window.whiteboard.state.tool;"), "no tool picked behind it");

            new Actions(alice.driver()).sendKeys(Keys.ESCAPE).perform();
            alice.await(d -> d.findElement(By.id("shortcuts")).isDisplayed() ? null : true);
            assertEquals("canvas", alice.script("return document.activeElement.id;"), "the focus is back");

            alice.find(By.id("help-button")).click();
            alice.find(By.id("shortcuts"));
            new Actions(alice.driver()).sendKeys(Keys.ESCAPE).perform();
            alice.await(d -> d.findElement(By.id("shortcuts")).isDisplayed() ? null : true);
            assertEquals("help-button", alice.script("return document.activeElement.id;"));
        }
    }

    @Test
    void theBoardMenuWorksFromTheKeyboardAndItsExportDownloadsAndItsImportAddsShapes(@TempDir Path downloads)
            throws IOException {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Menu");
        owner.putJson("api/boards/" + board + "/shapes/box", "{\"kind\":\"rectangle\",\"points\":[40,40,140,100]}");
        try (Browser alice = onBoard("alice", board)) {
            alice.await(d -> shapeCount(alice) == 1 ? true : null);
            WebElement button = alice.find(By.id("board-menu-button"));
            assertEquals("false", button.getAttribute("aria-expanded"));

            // the keyboard: Enter opens it on the first item, the arrows move, Escape closes and gives the focus back
            alice.script("document.getElementById('board-menu-button').focus();");
            new Actions(alice.driver()).sendKeys(Keys.ENTER).perform();
            alice.find(By.id("board-menu"));
            assertEquals("true", button.getAttribute("aria-expanded"));
            assertEquals("export-png", alice.script("return document.activeElement.id;"));
            alice.screenshot("board-menu");
            new Actions(alice.driver()).sendKeys(Keys.ARROW_DOWN).perform();
            assertEquals("export-svg", alice.script("return document.activeElement.id;"));
            new Actions(alice.driver()).sendKeys(Keys.ARROW_UP, Keys.ARROW_UP).perform();
            assertEquals(
                    "clear", alice.script("return document.activeElement.id;"), "round to the last item (the owner's)");
            new Actions(alice.driver()).sendKeys(Keys.ESCAPE).perform();
            alice.await(d -> d.findElement(By.id("board-menu")).isDisplayed() ? null : true);
            assertEquals("board-menu-button", alice.script("return document.activeElement.id;"));
            assertEquals(1L, shapeCount(alice), "Escape in the menu leaves the board alone");

            // a click outside closes it
            button.click();
            alice.find(By.id("board-menu"));
            alice.find(By.id("board-title")).click();
            alice.await(d -> d.findElement(By.id("board-menu")).isDisplayed() ? null : true);

            // the exports download files
            ((ChromeDriver) alice.driver())
                    .executeCdpCommand(
                            "Browser.setDownloadBehavior",
                            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            menuItem(alice, "export-png").click();
            alice.await(d -> d.findElement(By.id("board-menu")).isDisplayed() ? null : true);
            menuItem(alice, "export-json").click();
            alice.await(d -> downloaded(downloads, "Menu.png") && downloaded(downloads, "Menu.json") ? true : null);
            byte[] png = Files.readAllBytes(downloads.resolve("Menu.png"));
            assertEquals((byte) 0x89, png[0], "a PNG image");
            String json = Files.readString(downloads.resolve("Menu.json"));
            assertTrue(json.contains("\"rectangle\""), json);

            // the import: the menu item opens the file picker of the hidden input, which takes the exported file
            alice.driver()
                    .findElement(By.id("import-json"))
                    .sendKeys(downloads.resolve("Menu.json").toString());
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            alice.await(d -> owner.get("api/boards/" + board + "/diagram")
                                    .json()
                                    .getJsonArray("shapes")
                                    .size()
                            == 2
                    ? true
                    : null);
        }
    }

    private static boolean downloaded(Path dir, String name) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(
                    f -> f.getFileName().toString().equals(name) && f.toFile().length() > 0);
        } catch (IOException e) {
            return false;
        }
    }

    private static String background(Browser browser, String selector) {
        return (String) browser.script(
                "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor;", selector);
    }

    @Test
    void theThemeFollowsTheSystemCanBeSwitchedAndIsRememberedAfterAReload() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = newBoard(owner, "Themes");
        owner.putJson(
                "api/boards/" + board + "/shapes/ink",
                "{\"kind\":\"rectangle\",\"stroke\":\"#1e1e1e\",\"width\":8,\"points\":[40,40,140,100]}");
        try (Browser alice = onBoard("alice", board)) {
            String light = "rgb(255, 255, 255)";
            String dark = "rgb(34, 37, 42)";
            assertEquals(light, background(alice, ".toolbar"), "light by default");

            // the system's setting is followed while nothing is picked
            ((ChromeDriver) alice.driver())
                    .executeCdpCommand(
                            "Emulation.setEmulatedMedia",
                            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            alice.await(d -> dark.equals(background(alice, ".toolbar")) ? true : null);

            // picked light: light whatever the system says, also after a reload
            menuItem(alice, "board-menu")
                    .findElement(By.cssSelector("[data-theme-choice='light']"))
                    .click();
            alice.await(d -> light.equals(background(alice, ".toolbar")) ? true : null);
            alice.open("board.html?id=" + board);
            BoardPages.awaitLive(alice);
            assertEquals(light, background(alice, ".toolbar"), "remembered");

            // picked dark on a light system: dark, also after a reload and on the other pages
            ((ChromeDriver) alice.driver())
                    .executeCdpCommand(
                            "Emulation.setEmulatedMedia",
                            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
            menuItem(alice, "board-menu")
                    .findElement(By.cssSelector("[data-theme-choice='dark']"))
                    .click();
            alice.await(d -> dark.equals(background(alice, ".toolbar")) ? true : null);
            alice.open("board.html?id=" + board);
            BoardPages.awaitLive(alice);
            assertEquals(dark, background(alice, ".toolbar"), "remembered");
            assertEquals(
                    "true",
                    alice.driver()
                            .findElement(By.cssSelector("[data-theme-choice='dark']"))
                            .getAttribute("aria-checked"));
            assertNotEquals(
                    "rgb(30, 30, 30)",
                    alice.script("return getComputedStyle(document.querySelector('.top h1')).color;"),
                    "the text turns light");

            // the drawing keeps its colours: the board stays light, the black ink black
            alice.await(d -> shapeCount(alice) == 1 ? true : null);
            alice.await(d -> {
                long[] ink = pixel(alice, 40, 70);
                long[] paper = pixel(alice, 90, 70);
                return ink[0] < 60 && paper[0] > 240 ? true : null;
            });
            alice.screenshot("board-dark");
            Accessibility.check(alice, "the board page in the dark theme"); // contrast (WCAG AA) in dark too

            alice.open("index.html");
            alice.await(d -> dark.equals(background(alice, ".top")) ? true : null);
            WebElement choice = alice.find(By.id("theme-switch"));
            assertEquals("dark", choice.getAttribute("value"));
            alice.screenshot("home-dark");
            Accessibility.check(alice, "the boards home in the dark theme");
            new org.openqa.selenium.support.ui.Select(choice).selectByValue("system");
            alice.await(d -> light.equals(background(alice, ".top")) ? true : null);
            alice.open("board.html?id=" + board);
            BoardPages.awaitLive(alice);
            assertEquals(light, background(alice, ".toolbar"), "back to the system's (light)");
        }
    }
}
