package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/**
 * The pages live with their Content-Security-Policy (issue 20, item 5): signing in, the boards page, a board with
 * its live connection (the WebSocket), drawing, the background image, the chat and the PNG export (a blob: URL) cause
 * no violation in a real browser; and an inline script, which the policy forbids, is reported (so the check sees
 * violations when there are some).
 */
@ExtendWith(AppServer.class)
class ContentSecurityPolicyIT {

    @Test
    void thePagesCauseNoViolationAndAnInlineScriptWouldBeReported() {
        Http alice = new Http(AppServer.baseUri());
        String board = BoardPages.newBoard(alice, "Policed");
        assertEquals(
                200,
                alice.put("api/boards/" + board + "/background", "image/png", Images.encode("png"))
                        .status());
        try (Browser browser = new Browser(AppServer.baseUri())) {
            BoardPages.onBoard(browser, "alice", board); // the sign-in page, then the board
            browser.await(d -> (Boolean) browser.script("const s = window.whiteboard.state;"
                            + " return !!(s.background && s.background.image.complete"
                            + " && s.background.image.naturalWidth > 0);")
                    ? true
                    : null);
            new Actions(browser.driver())
                    .moveToElement(browser.find(By.id("canvas")), -100, -50)
                    .clickAndHold()
                    .moveByOffset(40, 10)
                    .moveByOffset(40, 20)
                    .release()
                    .perform();
            browser.await(d -> BoardPages.shapeCount(browser) == 1 ? true : null);
            browser.find(By.id("chat-toggle")).click();
            browser.find(By.id("chat-text"));
            BoardPages.menuItem(browser, "export-png").click();
            BoardPages.menuItem(browser, "export-svg").click();
            browser.open("index.html");
            browser.await(d -> d.getPageSource().contains("Policed") ? true : null);

            List<String> violations = browser.contentSecurityPolicyViolations();
            assertTrue(violations.isEmpty(), "no violation: " + violations);

            browser.script("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                    + " document.head.appendChild(s);");
            assertFalse(Boolean.TRUE.equals(browser.script("return window.inlineRan === true;")), "blocked");
            List<String> reported = browser.await(d -> {
                List<String> now = browser.contentSecurityPolicyViolations();
                return now.isEmpty() ? null : now;
            });
            assertTrue(reported.get(0).contains("script-src"), reported::toString);
        }
    }
}
