package dev.whiteboard.pages;

import static dev.whiteboard.pages.BoardPages.onBoard;
import static dev.whiteboard.pages.BoardPages.shapeCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A board page whose socket went stale without a word (issue 18): a laptop that slept (the page frozen and its
 * network gone), and a network that stopped carrying the connection. The browser reaches the server through a
 * {@link TcpProxy} that can go silent; the page must notice by itself, reconnect and show what was drawn meanwhile,
 * without a reload (a marker set on the window survives).
 */
@ExtendWith(AppServer.class)
class SleepingPageIT {

    /** Long enough for the page's liveness check (a ping after 15 s of quiet, 5 s for an answer) and a margin. */
    private static final Duration NOTICE = Duration.ofSeconds(45);

    private static final String MARKER = "window.sleepingPageMarker";

    @Test
    void aPageThatSleptWhileTheServerGaveUpOnItCatchesUpByItselfWhenItWakes() {
        String board = BoardPages.newBoard(Http.as(AppServer.baseUri(), "alice"), "Lid closed");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", AppServer.baseUri().getPort());
                Browser alice = onBoard(new Browser(through(proxy)), "alice", board)) {
            alice.script(MARKER + " = 'still the same page';");

            // the lid closes: the tab is frozen and its network goes silent (no close reaches either side)
            alice.lifecycle("frozen");
            proxy.freeze();
            drawAs("bob", board, "drawn-while-asleep");
            Eventually.until(
                    "the hub gave up on the sleeping page's socket",
                    Duration.ofSeconds(3L * SharedServer.KEEP_ALIVE_SECONDS + 10),
                    () -> proxy.webSocketsClosedByTarget() >= 1);

            // the lid opens
            proxy.unfreeze();
            alice.lifecycle("active");
            Eventually.until(
                    "the woken page live again with bob's shape",
                    NOTICE,
                    () -> shapeCount(alice) == 1 && "online".equals(status(alice)));
            assertEquals("still the same page", alice.script("return " + MARKER + ";"), "no reload");
            assertTrue(
                    ((Number) alice.script("return window.whiteboard.connection.liveness.checks;")).longValue() >= 1,
                    "the page checked its socket when it woke up");
            alice.screenshot("board-after-sleep");
        }
    }

    @Test
    void aPageWhoseConnectionStoppedCarryingAnythingNoticesAndResyncsOnceItIsBack() {
        String board = BoardPages.newBoard(Http.as(AppServer.baseUri(), "alice"), "Network gone");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", AppServer.baseUri().getPort());
                Browser alice = onBoard(new Browser(through(proxy)), "alice", board)) {
            alice.script(MARKER + " = 'still the same page';");

            proxy.freeze(); // nothing passes any more, nothing is closed: only the page's own check can tell
            drawAs("bob", board, "drawn-while-cut-off");
            Eventually.until(
                    "the page noticing its socket is stale", NOTICE, () -> "reconnecting".equals(status(alice)));
            assertTrue(
                    ((Number) alice.script("return window.whiteboard.connection.liveness.staleSockets;")).longValue()
                            >= 1,
                    "the liveness check gave up on the socket");
            assertEquals(0L, shapeCount(alice), "nothing reached the page meanwhile");

            proxy.unfreeze();
            Eventually.until(
                    "the page live again with bob's shape",
                    NOTICE,
                    () -> shapeCount(alice) == 1 && "online".equals(status(alice)));
            assertEquals("still the same page", alice.script("return " + MARKER + ";"), "no reload");
        }
    }

    /** The app's address through the proxy (127.0.0.1: the proxy listens on IPv4 loopback). */
    private static URI through(TcpProxy proxy) {
        URI base = AppServer.baseUri();
        return URI.create("http://127.0.0.1:" + proxy.port() + base.getRawPath());
    }

    private static void drawAs(String user, String board, String shapeId) {
        Http.Reply reply = Http.as(AppServer.baseUri(), user)
                .putJson(
                        "api/boards/" + board + "/shapes/" + shapeId,
                        "{\"kind\":\"ellipse\",\"points\":[300,100,400,160]}");
        assertTrue(reply.status() / 100 == 2, reply::toString);
    }

    private static String status(Browser browser) {
        return browser.driver().findElement(By.id("status")).getAttribute("data-state");
    }
}
