package dev.whiteboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cross-site request forgery and the session cookie (issue 20, item 5): a page on another site cannot change
 * anything with a visitor's session, nor sign the visitor in; the app's own pages and scripts without a browser
 * keep working; the session cookie is {@code SameSite=Lax}; every answer carries the browser-side headers.
 */
@ExtendWith(SharedServer.class)
class CrossSiteIT {

    private static final String EVIL = "https://evil.example";

    @Test
    void aForeignOriginChangesNothingWithTheSessionCookieWhileTheAppsOwnPagesDo() {
        Http bob = signedIn("bob");
        String self = origin();
        Http.Reply created = bob.send(json(bob, "POST", "api/boards", "{\"title\":\"Bob's own\"}", self));
        assertEquals(201, created.status(), created::toString);
        String board = created.json().getString("id");
        assertEquals(
                201,
                bob.send(json(bob, "PUT", "api/boards/" + board + "/shapes/s1", shape(), self))
                        .status());

        Http.Reply foreignCreate = bob.send(json(bob, "POST", "api/boards", "{\"title\":\"Forged\"}", EVIL));
        assertForbidden(foreignCreate);
        assertForbidden(bob.send(json(bob, "PUT", "api/boards/" + board + "/shapes/s2", shape(), EVIL)));
        assertForbidden(bob.send(json(bob, "DELETE", "api/boards/" + board + "/shapes/s1", null, EVIL)));
        assertForbidden(
                bob.send(json(bob, "PUT", "api/boards/" + board + "/members/carol", "{\"role\":\"owner\"}", EVIL)));
        assertForbidden(bob.send(json(bob, "DELETE", "api/boards/" + board + "/background", null, EVIL)));
        assertForbidden(bob.send(bob.request("api/boards/" + board + "/shapes/s3")
                .header("Referer", EVIL + "/attack.html")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(shape()))));
        assertForbidden(bob.send(json(bob, "DELETE", "api/boards/" + board + "/shapes/s1", null, "null")));

        String diagram = bob.get("api/boards/" + board + "/diagram").text();
        assertTrue(diagram.contains("\"s1\""), "the shape is still there: " + diagram);
        assertFalse(diagram.contains("\"s2\"") || diagram.contains("\"s3\""), diagram);
        assertFalse(bob.get("api/boards").text().contains("Forged"), "no board was created");
        assertFalse(bob.get("api/boards/" + board + "/members").text().contains("carol"), "nobody was granted");

        Http.Reply sameOriginReferer = bob.send(bob.request("api/boards/" + board + "/shapes/s1")
                .header("Referer", self + "/board.html?id=" + board)
                .DELETE());
        assertEquals(204, sameOriginReferer.status(), sameOriginReferer::toString);
    }

    @Test
    void anotherSiteCannotSignAVisitorIn() {
        HttpClient visitor = browserClient();
        Http anonymous = Http.via(visitor, SharedServer.baseUri(), null);
        Http.Reply forged = anonymous.send(signInForm(anonymous, "mallory-is-not-needed", EVIL));
        assertForbidden(forged);
        assertTrue(
                forged.headers().allValues("Set-Cookie").stream()
                        .noneMatch(c -> c.startsWith("JSESSIONID") || c.startsWith("whiteboard_session=")),
                "no session was started");
        assertEquals(401, anonymous.get("api/session").status(), "the visitor is not signed in");

        Http.Reply own = anonymous.send(signInForm(anonymous, "carol", origin()));
        assertEquals(200, own.status(), own::toString);
        String cookie = own.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("whiteboard_session="))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.replace(" ", "").toLowerCase().contains(";samesite=lax"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertFalse(cookie.toLowerCase().contains("secure"), "not Secure over plain HTTP: " + cookie);
    }

    @Test
    void scriptsWithoutAnOriginKeepWorking() {
        Http script = Http.as(SharedServer.baseUri(), "dave");
        Http.Reply created = script.postJson("api/boards", "{\"title\":\"From a script\"}");
        assertEquals(201, created.status(), created::toString);
        String board = created.json().getString("id");
        assertEquals(
                201,
                script.putJson("api/boards/" + board + "/shapes/s1", shape()).status());
        assertEquals(204, script.delete("api/boards/" + board + "/shapes/s1").status());
    }

    @Test
    void theWebhookAndTheHubsApiAreNotJudgedByOrigin() {
        Http anonymous = Http.anonymous(SharedServer.baseUri());
        Http.Reply webhook = anonymous.send(anonymous
                .request("eventhandler")
                .header("Origin", EVIL)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertNotEquals(403, webhook.status(), "the webhook answers by its signature: " + webhook);
        Http.Reply hub = anonymous.send(anonymous
                .request("api/hubs/whiteboard/:send?api-version=2024-01-01")
                .header("Origin", EVIL)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hi")));
        assertEquals(401, hub.status(), "the hub answers by its token: " + hub);
    }

    @Test
    void pagesAndAnswersCarryTheBrowserSideHeaders() {
        Http alice = new Http(SharedServer.baseUri());
        for (String path : new String[] {"", "index.html", "board.html", "signin.html", "js/board.js", "api/boards"}) {
            Http.Reply reply = alice.get(path);
            assertEquals(200, reply.status(), path);
            String csp = reply.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertTrue(csp.contains("script-src 'self';"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), path + ": " + csp);
            assertTrue(csp.contains("img-src 'self' data: blob:"), path + ": " + csp);
            assertTrue(csp.contains("connect-src 'self' ws://localhost:"), path + ": " + csp);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
            assertEquals("same-origin", reply.header("Referrer-Policy"), path);
            assertEquals("DENY", reply.headers().allValues("X-Frame-Options").get(0), path);
        }
    }

    private static void assertForbidden(Http.Reply reply) {
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("forbidden", reply.json().getString("error"), reply::toString);
        assertTrue(reply.json().getString("message").contains("cross-site"), reply::toString);
    }

    /** A browser-like client (cookies kept) signed in through the sign-in form from the app's own page. */
    private static Http signedIn(String user) {
        Http browser = Http.via(browserClient(), SharedServer.baseUri(), null);
        Http.Reply reply = browser.send(signInForm(browser, user, origin()));
        assertEquals(200, reply.status(), reply::toString);
        return browser;
    }

    private static HttpRequest.Builder signInForm(Http client, String user, String origin) {
        return client.request("api/session")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "fetch")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("name=" + user + "&password=" + Http.DEMO_PASSWORD));
    }

    private static HttpRequest.Builder json(Http client, String method, String path, String body, String origin) {
        return client.request(path)
                .header("Content-Type", "application/json")
                .header("Origin", origin)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private static String shape() {
        return "{\"kind\":\"pen\",\"points\":[1,2,3,4]}";
    }

    private static HttpClient browserClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The app's origin as a browser on its pages names it. */
    private static String origin() {
        URI base = SharedServer.baseUri();
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }
}
