package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The boards page and its assets are served from the WAR at the context root. */
@ExtendWith(SharedServer.class)
class StaticPagesIT {

    @Test
    void theBoardsPageAndItsModulesAreServed() {
        Http http = new Http(SharedServer.baseUri());
        Http.Reply page = http.get("");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.text().contains("<script type=\"module\" src=\"js/boards.js\">"), page.text());
        for (String asset : new String[] {"js/boards.js", "js/api.js", "css/app.css", "signin.html", "js/signin.js"}) {
            Http.Reply reply = http.get(asset);
            assertEquals(200, reply.status(), asset);
            assertTrue(reply.body().length > 100, asset);
        }
        assertTrue(http.get("js/boards.js").header("Content-Type").contains("javascript"));
        assertTrue(http.get("css/app.css").header("Content-Type").startsWith("text/css"));
    }
}
