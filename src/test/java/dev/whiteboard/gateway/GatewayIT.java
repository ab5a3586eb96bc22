package dev.whiteboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Stack;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app behind the product's nginx configuration ({@code server-config/gateway}), with TLS, on loopback: the
 * pages, the API, {@code negotiate} and real-time connections work through it — the client URLs name the gateway
 * ({@code whiteboard.public-url}) — while the built-in hub's REST API and the webhook cannot be reached through it,
 * however the path is spelled.
 */
class GatewayIT {

    @RegisterExtension
    static final Stack stack = Stack.create().withServer("gateway").withGateway();

    @Test
    void pagesNegotiateAndRealTimeConnectionsWorkThroughTheGateway() {
        Http anonymous = Http.via(stack.gateway().client(), stack.gateway().baseUri(), null);
        Http.Reply page = anonymous.get("board.html");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.text().contains("<canvas"), "the board page comes through");
        Http.Reply health = anonymous.get("api/health");
        assertEquals(200, health.status(), health::toString);
        assertEquals(401, anonymous.get("api/boards").status(), "and the API still wants a user");

        Http alice = Http.via(stack.gateway().client(), stack.gateway().baseUri(), "alice");
        String board = alice.postJson("api/boards", "{\"title\":\"Through the gateway\"}")
                .json()
                .getString("id");
        JsonObject negotiated = alice.get("api/negotiate?board=" + board).json();
        String url = negotiated.getString("url");
        assertTrue(
                url.startsWith(stack.gateway().baseUri().toString().replace("https://", "wss://") + "client/hubs/"),
                "the client URL names the gateway: " + url);
        JsonObject bobs = Http.via(stack.gateway().client(), stack.gateway().baseUri(), "bob")
                .get("api/negotiate?board=" + board)
                .json();

        try (WsClient drawer = WsClient.json(stack.gateway().client(), url);
                WsClient watcher = WsClient.json(stack.gateway().client(), bobs.getString("url"))) {
            assertEquals("connected", drawer.next().getString("event"));
            assertEquals("connected", watcher.next().getString("event"));
            drawer.send(
                    "{\"type\":\"event\",\"event\":\"changeShapes\",\"ackId\":1,\"dataType\":\"json\",\"data\":{\"board\":\""
                            + board
                            + "\",\"requestId\":\"r1\",\"put\":[{\"id\":\"s1\",\"kind\":\"pen\",\"points\":[1,2,3,4]}]}}");
            JsonObject result = drawer.nextMatching(
                            m -> m.get("data") instanceof JsonObject d && "result".equals(d.getString("type", "")))
                    .getJsonObject("data");
            assertEquals(true, result.getBoolean("ok"), result::toString);
            JsonObject announced = watcher.nextMatching(m ->
                            m.get("data") instanceof JsonObject d && "shapesChanged".equals(d.getString("type", "")))
                    .getJsonObject("data");
            assertEquals("s1", announced.getJsonArray("put").getJsonObject(0).getString("id"));
        }
        assertEquals(
                1,
                alice.get("api/boards/" + board + "/diagram")
                        .json()
                        .getJsonArray("shapes")
                        .size());
    }

    /**
     * Behind the TLS gateway the session cookie is {@code Secure} (the app sees plain HTTP, its public URL is https)
     * and {@code SameSite=Lax}; the app's own pages, whose origin is the gateway's, may still change things, another
     * site's may not; and the connect-src of the pages names the gateway's WebSocket address.
     */
    @Test
    void theSessionCookieIsSecureBehindTheGatewayAndThePagesOriginIsTheGateways() {
        String self = "https://localhost:" + stack.gateway().baseUri().getPort();
        Http browser = Http.via(stack.gateway().browser(), stack.gateway().baseUri(), null);
        Http.Reply signedIn = browser.send(browser.request("api/session")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", self)
                .POST(HttpRequest.BodyPublishers.ofString("name=carol&password=" + Http.DEMO_PASSWORD)));
        assertEquals(200, signedIn.status(), signedIn::toString);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("whiteboard_session="))
                .findFirst()
                .orElseThrow();
        String attributes = cookie.toLowerCase(Locale.ROOT).replace(" ", "");
        assertTrue(attributes.contains(";secure"), cookie);
        assertTrue(attributes.contains(";samesite=lax"), cookie);

        Http.Reply own = browser.send(browser.request("api/boards")
                .header("Content-Type", "application/json")
                .header("Origin", self)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Carol behind the gateway\"}")));
        assertEquals(201, own.status(), own::toString);
        Http.Reply foreign = browser.send(browser.request("api/boards")
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Forged\"}")));
        assertEquals(403, foreign.status(), foreign::toString);

        String csp = browser.get("board.html").header("Content-Security-Policy");
        assertTrue(csp.contains("wss://localhost:" + stack.gateway().baseUri().getPort()), csp);
    }

    @Test
    void theHubsRestApiAndTheWebhookStayPrivate() {
        Http direct = Http.anonymous(stack.server().baseUri());
        Http outside = Http.via(stack.gateway().client(), stack.gateway().baseUri(), null);
        String send = "api/hubs/whiteboard/:send?api-version=2024-01-01";
        assertEquals(
                401,
                direct.send("POST", send, "text/plain", "hi").status(),
                "inside, the hub's API is there (and wants a token)");
        for (String path : new String[] {
            send,
            "API/Hubs/whiteboard/:send?api-version=2024-01-01",
            "api//hubs/whiteboard/:send?api-version=2024-01-01",
            "api/%68ubs/whiteboard/:send?api-version=2024-01-01",
            "api/hubs;x=1/whiteboard/:send?api-version=2024-01-01",
            "api/hubs",
            "eventhandler",
            "eventhandler/connect",
            "eventhandler;x=1",
            "EventHandler"
        }) {
            assertEquals(404, outside.send("POST", path, "text/plain", "hi").status(), path);
        }
        HttpRequest.Builder handshake = HttpRequest.newBuilder()
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("WebHook-Request-Origin", "localhost");
        assertEquals(
                200,
                direct.send(handshake.copy().uri(stack.server().baseUri().resolve("eventhandler")))
                        .status(),
                "inside, the webhook answers the service's handshake");
        assertEquals(
                404,
                outside.send(handshake.copy().uri(URI.create(stack.gateway().baseUri() + "eventhandler")))
                        .status());
    }
}
