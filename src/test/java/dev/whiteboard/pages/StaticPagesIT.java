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

    @Test
    void theTokensTheThemeScriptTheFaviconAndTheIconsAreServedWithTheirLicence() {
        Http http = new Http(SharedServer.baseUri());
        for (String page : new String[] {"", "signin.html", "board.html", "account.html", "accounts.html"}) {
            String html = http.get(page).text();
            assertTrue(html.contains("<link rel=\"icon\" href=\"favicon.svg\""), page + ": the favicon");
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"css/tokens.css\">"), page + ": the tokens");
            assertTrue(html.contains("<script src=\"js/theme.js\"></script>"), page + ": the theme");
        }
        for (String svg : new String[] {"favicon.svg", "icons/lucide.svg"}) {
            Http.Reply reply = http.get(svg);
            assertEquals(200, reply.status(), svg);
            assertTrue(
                    reply.header("Content-Type").startsWith("image/svg+xml"),
                    svg + ": " + reply.header("Content-Type"));
        }
        assertTrue(http.get("icons/LICENSE").text().contains("ISC License"), "Lucide's licence beside its icons");
        assertTrue(http.get("css/tokens.css").text().contains("prefers-color-scheme: dark"));
    }
}
