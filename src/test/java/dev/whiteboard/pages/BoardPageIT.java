package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.awaitLive;
import static dev.whiteboard.pages.BoardPages.inkedPixels;
import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static dev.whiteboard.pages.BoardPages.unsaved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The pages in a real browser (headless Chromium): signing in, the boards list with roles, and two people drawing
 * on one board in two browsers.
 */
@ExtendWith(AppServer.class)
class BoardPageIT {

    @Test
    void aBrowserWithoutASessionIsSentToTheSignInPageAndBack() {
        try (Browser browser = new Browser(AppServer.baseUri())) {
            browser.open("");
            browser.await(d -> d.getCurrentUrl().contains("signin.html"));
            browser.find(By.id("name")).sendKeys("alice");
            browser.find(By.id("password")).sendKeys("wrong");
            browser.find(By.id("signin-button")).click();
            assertEquals(
                    "Wrong user name or password.",
                    browser.find(By.id("signin-error")).getText());

            browser.find(By.id("password")).clear();
            browser.find(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
            browser.find(By.id("signin-button")).click();
            browser.await(d -> !d.getCurrentUrl().contains("signin.html"));
            assertTrue(browser.find(By.id("who")).getText().contains("Alice Andersen"));
            browser.screenshot("boards-page");
        }
    }

    @Test
    void aStrokeDrawnByOnePersonAppearsForTheOtherAndForALateJoiner() {
        String board = Http.as(AppServer.baseUri(), "alice")
                .postJson("api/boards", "{\"title\":\"Browsers <b>draw</b>\"}")
                .json()
                .getString("id");
        try (Browser alice = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD);
                Browser bob = new Browser(AppServer.baseUri()).signIn("bob", Http.DEMO_PASSWORD)) {
            alice.open("");
            WebElement link =
                    alice.await(d -> d.findElements(By.cssSelector("[data-board-id='" + board + "'] a")).stream()
                            .findFirst()
                            .orElse(null));
            assertEquals("Browsers <b>draw</b>", link.getText(), "titles are text, never HTML");
            link.click();
            awaitLive(alice);
            bob.open("board.html?id=" + board);
            awaitLive(bob);

            WebElement canvas = alice.find(By.id("canvas"));
            new Actions(alice.driver())
                    .moveToElement(canvas, -100, -50)
                    .clickAndHold()
                    .moveByOffset(40, 10)
                    .moveByOffset(40, 20)
                    .moveByOffset(40, -10)
                    .release()
                    .perform();

            bob.await(d -> shapeCount(bob) == 1 ? true : null);
            bob.await(d -> inkedPixels(bob) > 50 ? true : null); // and it is drawn on the canvas
            new Actions(alice.driver())
                    .moveToElement(canvas, 100, 80)
                    .moveByOffset(10, 10)
                    .perform();
            bob.await(d ->
                    Boolean.TRUE.equals(bob.script("return window.whiteboard.cursors.has('alice');")) ? true : null);
            alice.await(d -> shapeCount(alice) == 1 && unsaved(alice) == 0 ? true : null);
            bob.screenshot("board-bob-sees-alice");
            assertTrue(bob.find(By.id("people")).getText().contains("Alice Andersen"));

            try (Browser carol = onBoard("carol", board)) {
                carol.await(d -> shapeCount(carol) == 1 ? true : null);
            }
        }
    }

    @Test
    void aDroppedConnectionComesBackAndNothingDrawnMeanwhileIsLost() throws Exception {
        String board = Http.as(AppServer.baseUri(), "alice")
                .postJson("api/boards", "{\"title\":\"Dropped\"}")
                .json()
                .getString("id");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {

            // bob's socket drops; he keeps drawing, alice draws too
            bob.script("window.whiteboard.connection.socket.close(4000, 'test: network gone');");
            new Actions(bob.driver())
                    .moveToElement(bob.find(By.id("canvas")), -150, 0)
                    .clickAndHold()
                    .moveByOffset(60, 30)
                    .moveByOffset(60, -30)
                    .release()
                    .perform();
            Http.as(AppServer.baseUri(), "alice")
                    .putJson(
                            "api/boards/" + board + "/shapes/while-away",
                            "{\"kind\":\"ellipse\",\"points\":[300,100,400,160]}");

            awaitLive(bob);
            bob.await(d -> shapeCount(bob) == 2 && unsaved(bob) == 0 ? true : null);
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            assertEquals(
                    2,
                    Http.as(AppServer.baseUri(), "carol")
                            .get("api/boards/" + board + "/diagram")
                            .json()
                            .getJsonArray("shapes")
                            .size(),
                    "bob's offline stroke is stored");
            bob.screenshot("board-after-reconnect");

            String png = (String) alice.asyncScript("const done = arguments[arguments.length - 1];"
                    + " window.whiteboard.renderPng().then(blob => { const r = new FileReader();"
                    + " r.onload = () => done(r.result); r.readAsDataURL(blob); });");
            byte[] bytes = Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertTrue(image != null && image.getWidth() > 100 && image.getHeight() > 50, "the PNG export is an image");
        }
    }

    @Test
    void aShapeIsSelectedMovedAndDeleted() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board =
                owner.postJson("api/boards", "{\"title\":\"Select\"}").json().getString("id");
        owner.putJson(
                "api/boards/" + board + "/shapes/box",
                "{\"kind\":\"rectangle\",\"fill\":\"#ffc9c9\",\"points\":[100,100,300,200]}");
        try (Browser alice = onBoard("alice", board)) {
            alice.await(d -> shapeCount(alice) == 1 ? true : null);
            alice.find(By.cssSelector("button[data-tool='select']")).click();
            WebElement canvas = alice.find(By.id("canvas"));
            int left = canvas.getRect().getX();
            int top = canvas.getRect().getY();
            new Actions(alice.driver())
                    .moveToLocation(left + 200, top + 150)
                    .clickAndHold()
                    .moveByOffset(50, 20)
                    .moveByOffset(50, 20)
                    .release()
                    .perform();
            alice.await(d -> unsaved(alice) == 0
                            && owner.get("api/boards/" + board + "/diagram")
                                            .json()
                                            .getJsonArray("shapes")
                                            .getJsonObject(0)
                                            .getJsonArray("points")
                                            .getJsonNumber(0)
                                            .doubleValue()
                                    == 200.0
                    ? true
                    : null);
            alice.screenshot("board-selected");
            new Actions(alice.driver()).sendKeys(Keys.DELETE).perform();
            alice.await(d -> owner.get("api/boards/" + board + "/diagram")
                            .json()
                            .getJsonArray("shapes")
                            .isEmpty()
                    ? true
                    : null);
        }
    }

    @Test
    void aBoardExportedAsJsonImportsIntoAnotherAndSvgKeepsTextAsText() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String from =
                owner.postJson("api/boards", "{\"title\":\"Export\"}").json().getString("id");
        String to =
                owner.postJson("api/boards", "{\"title\":\"Import\"}").json().getString("id");
        owner.putJson(
                "api/boards/" + from + "/shapes/t",
                "{\"kind\":\"text\",\"text\":\"<script>alert(1)</script>\",\"points\":[10,10]}");
        owner.putJson("api/boards/" + from + "/shapes/r", "{\"kind\":\"rectangle\",\"points\":[0,0,50,40]}");
        try (Browser alice = onBoard("alice", from)) {
            alice.await(d -> shapeCount(alice) == 2 ? true : null);
            String json = (String) alice.script("return window.whiteboard.exportJson();");
            String svg = (String) alice.script("return window.whiteboard.exportSvg();");
            assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !svg.contains("<script>"), svg);

            alice.open("board.html?id=" + to);
            awaitLive(alice);
            assertEquals(2L, alice.script("return window.whiteboard.importJson(arguments[0]);", json));
            alice.await(d -> unsaved(alice) == 0
                            && owner.get("api/boards/" + to + "/diagram")
                                            .json()
                                            .getJsonArray("shapes")
                                            .size()
                                    == 2
                    ? true
                    : null);
            assertEquals(
                    2,
                    owner.get("api/boards/" + from + "/diagram")
                            .json()
                            .getJsonArray("shapes")
                            .size(),
                    "the exported board is unchanged: the import gave the shapes new ids");
        }
    }

    @Test
    void aBackgroundImageIsMadeSmallerInTheBrowserAndReachesEveryone() throws Exception {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board = owner.postJson("api/boards", "{\"title\":\"Background\"}")
                .json()
                .getString("id");
        try (Browser alice = onBoard("alice", board);
                Browser bob = onBoard("bob", board)) {
            alice.asyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + " const c = document.createElement('canvas'); c.width = 3000; c.height = 1500;"
                            + " const g = c.getContext('2d'); g.fillStyle = '#8ce99a'; g.fillRect(0, 0, 3000, 1500);"
                            + " c.toBlob(b => window.whiteboard.uploadBackground(b).then(() => done('ok'), e => done(e.message)), 'image/png');");
            bob.await(d ->
                    bob.script("return window.whiteboard.state.background && window.whiteboard.state.background.url;")
                                    != null
                            ? true
                            : null);
            Http.Reply image = owner.get("api/boards/" + board + "/background");
            assertEquals("image/jpeg", image.header("Content-Type"));
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(image.body()));
            assertEquals(2048, stored.getWidth(), "made at most 2,048 pixels wide before the upload");
            bob.screenshot("board-background");

            BoardPages.menuItem(alice, "remove-background").click();
            bob.await(d ->
                    Boolean.FALSE.equals(bob.script("return !!window.whiteboard.state.background;")) ? true : null);
        }
    }

    @Test
    void aViewerSeesLiveChangesButCannotDraw() {
        Http owner = Http.as(AppServer.baseUri(), "alice");
        String board =
                owner.postJson("api/boards", "{\"title\":\"Look only\"}").json().getString("id");
        owner.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}");
        try (Browser dave = onBoard("dave", board)) {
            assertEquals("viewer", dave.find(By.id("role")).getText());
            WebElement canvas = dave.find(By.id("canvas"));
            new Actions(dave.driver())
                    .moveToElement(canvas)
                    .clickAndHold()
                    .moveByOffset(80, 40)
                    .release()
                    .perform();
            assertEquals(0L, shapeCount(dave));

            owner.putJson(
                    "api/boards/" + board + "/shapes/from-alice",
                    "{\"kind\":\"rectangle\",\"points\":[10,10,200,120]}");
            dave.await(d -> shapeCount(dave) == 1 ? true : null);
            dave.screenshot("board-viewer");
        }
    }
}
