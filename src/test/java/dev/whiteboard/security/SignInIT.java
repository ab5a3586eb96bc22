package dev.whiteboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class SignInIT {

    @Test
    void theApiNeedsASignedInCallerAndSaysSoInJson() {
        Http.Reply reply = Http.anonymous(SharedServer.baseUri()).get("api/boards");
        assertEquals(401, reply.status());
        assertEquals("unauthenticated", reply.json().getString("error"));
        assertTrue(reply.header("WWW-Authenticate").startsWith("Basic"), "scripts get the Basic challenge");

        Http anonymous = Http.anonymous(SharedServer.baseUri());
        Http.Reply fromThePage = anonymous.send(anonymous
                .request("api/negotiate?board=x")
                .header("X-Requested-With", "fetch")
                .GET());
        assertEquals(401, fromThePage.status());
        assertNull(
                fromThePage.header("WWW-Authenticate"), "the app's pages get no Basic challenge (no browser dialog)");
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreRefused() {
        assertEquals(
                401,
                Http.withPassword(SharedServer.baseUri(), "alice", "not-her-password")
                        .get("api/boards")
                        .status());
        assertEquals(
                401,
                Http.withPassword(SharedServer.baseUri(), "mallory", "whiteboard")
                        .get("api/boards")
                        .status());
        assertEquals(
                200, Http.as(SharedServer.baseUri(), "bob").get("api/boards").status());
    }

    @Test
    void probesTheSignInAndTheHubsOwnApiStayOpen() {
        Http anonymous = Http.anonymous(SharedServer.baseUri());
        assertEquals(200, anonymous.get("api/health").status());
        assertEquals(401, anonymous.get("api/session").status());
        assertEquals(200, anonymous.get("index.html").status());
    }

    @Test
    void theSignInPageStartsASessionThatSignsOutAgain() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI base = SharedServer.baseUri();

        HttpResponse<String> wrong =
                browser.send(form(base, "name=alice&password=nope"), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").isEmpty());

        HttpResponse<String> signedIn =
                browser.send(form(base, "name=carol&password=whiteboard"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.body().contains("\"user\":\"carol\""), signedIn.body());
        assertTrue(signedIn.body().contains("Carol Chen"), signedIn.body());
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("whiteboard_session="))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);

        HttpResponse<String> boards = browser.send(get(base, "api/boards"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, boards.statusCode(), boards.body());
        HttpResponse<String> who = browser.send(get(base, "api/session"), HttpResponse.BodyHandlers.ofString());
        assertTrue(who.body().contains("\"user\":\"carol\""), who.body());

        HttpResponse<String> signedOut = browser.send(
                HttpRequest.newBuilder(base.resolve("api/session"))
                        .header("X-Requested-With", "fetch")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, signedOut.statusCode());
        assertEquals(
                401,
                browser.send(get(base, "api/boards"), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    @Test
    void whoCreatedABoardComesFromTheSignInNotFromTheRequest() {
        Http.Reply created = Http.as(SharedServer.baseUri(), "dave")
                .postJson("api/boards", "{\"title\":\"Dave's\",\"createdBy\":\"alice\"}");
        assertEquals(201, created.status(), created::toString);
        assertEquals("dave", created.json().getString("createdBy"));
        assertEquals("owner", created.json().getString("role"));
        assertNotNull(created.json().getString("id"));
    }

    private static HttpRequest form(URI base, String body) {
        return HttpRequest.newBuilder(base.resolve("api/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "fetch")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("X-Requested-With", "fetch")
                .GET()
                .build();
    }
}
