package dev.whiteboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.OidcProvider;
import dev.whiteboard.testing.Stack;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Company sign-in behind the product's nginx gateway (TLS on loopback), against a real OpenID Connect provider
 * (mock-oauth2-server): the app knows only its public address ({@code whiteboard.public-url}), so the provider is
 * given the public callback URL, the browser comes back through the gateway and is signed in there, negotiates and
 * draws over a WebSocket through it, and signs out at the provider, which sends it back to the public sign-in page.
 * Each redirect is followed by hand, to see where it points.
 */
class GatewayOidcIT {

    @RegisterExtension
    static final Stack stack = Stack.create()
            .withProvider()
            .withServer(
                    "gateway-oidc", server -> server.withEnvironment("WHITEBOARD_OIDC_PROVIDER_NAME", "Example Corp"))
            .withGateway();

    @Test
    void aBrowserSignsInThroughTheGatewayDrawsAndSignsOutAtTheProvider() throws Exception {
        URI publicBase = stack.gateway().baseUri();
        URI callback = publicBase.resolve("api/session/callback");
        HttpClient browser = stack.gateway().browser();

        HttpResponse<String> start =
                get(browser, publicBase.resolve("api/session/oidc?next=%2Fboard.html%3Fboard%3Dxyz"));
        assertEquals(302, start.statusCode(), start::body);
        URI authorize = location(start);
        assertTrue(authorize.toString().startsWith(stack.provider().issuer() + "/authorize?"), authorize::toString);
        assertEquals(
                callback.toString(), query(authorize).get("redirect_uri"), "the provider is given the public callback");

        HttpResponse<String> issued = get(browser, authorize);
        assertEquals(302, issued.statusCode(), issued::body);
        URI back = location(issued);
        assertTrue(
                back.toString().startsWith(callback + "?"), "the provider sends the browser to the gateway: " + back);

        HttpResponse<String> signedIn = get(browser, back);
        assertEquals(303, signedIn.statusCode(), signedIn::body);
        assertEquals(
                publicBase.resolve("board.html?board=xyz"),
                location(signedIn),
                "on to the page wanted, at the gateway");
        assertEquals(200, get(browser, location(signedIn)).statusCode());

        Http page = Http.via(browser, publicBase, null);
        JsonObject caller = page.get("api/session").json();
        assertEquals("alice", caller.getString("user"));
        assertEquals("oidc", caller.getString("method"));

        Http.Reply created = page.postJson("api/boards", "{\"title\":\"Signed in through the gateway\"}");
        assertEquals(201, created.status(), created::toString);
        String board = created.json().getString("id");
        String url = page.get("api/negotiate?board=" + board).json().getString("url");
        assertTrue(url.startsWith(publicBase.toString().replace("https://", "wss://") + "client/hubs/"), url);
        try (WsClient drawer = WsClient.json(stack.gateway().client(), url)) {
            assertEquals("connected", drawer.next().getString("event"));
            drawer.send(
                    "{\"type\":\"event\",\"event\":\"changeShapes\",\"ackId\":1,\"dataType\":\"json\",\"data\":{\"board\":\""
                            + board
                            + "\",\"requestId\":\"r1\",\"put\":[{\"id\":\"g1\",\"kind\":\"pen\",\"points\":[1,2,3,4]}]}}");
            JsonObject result = drawer.nextMatching(
                            m -> m.get("data") instanceof JsonObject d && "result".equals(d.getString("type", "")))
                    .getJsonObject("data");
            assertEquals(true, result.getBoolean("ok"), result::toString);
        }
        assertEquals(
                1,
                page.get("api/boards/" + board + "/diagram")
                        .json()
                        .getJsonArray("shapes")
                        .size());

        Http.Reply signedOut = page.delete("api/session");
        assertEquals(200, signedOut.status(), signedOut::toString);
        URI logout = URI.create(signedOut.json().getString("providerLogoutUrl"));
        assertTrue(logout.toString().startsWith(stack.provider().endSessionEndpoint() + "?"), logout::toString);
        Map<String, String> logoutQuery = query(logout);
        assertEquals(
                publicBase.resolve("signin.html").toString(),
                logoutQuery.get("post_logout_redirect_uri"),
                "the provider sends the browser back to the public sign-in page");
        assertEquals(OidcProvider.CLIENT_ID, logoutQuery.get("client_id"));
        assertTrue(logoutQuery.get("id_token_hint").split("\\.").length == 3, "an ID token as the hint");
        HttpResponse<String> loggedOut = get(browser, logout);
        assertEquals(302, loggedOut.statusCode(), loggedOut::body);
        assertEquals(publicBase.resolve("signin.html"), location(loggedOut));
        HttpResponse<String> signInPage = get(browser, location(loggedOut));
        assertEquals(200, signInPage.statusCode());
        assertTrue(signInPage.body().contains("provider-link"), "the sign-in page, through the gateway");
        assertEquals(401, page.get("api/session").status(), "signed out");
    }

    @Test
    void theCallbackPassesTheGatewayButWhatOnlyTheServiceMayCallStaysHidden() {
        Http outside = Http.via(stack.gateway().client(), stack.gateway().baseUri(), null);
        Http.Reply forged = outside.get("api/session/callback?code=made-up&state=made-up");
        assertEquals(401, forged.status(), "the app's own answer, not the gateway's: " + forged);
        assertEquals("unauthenticated", forged.json().getString("error"));
        for (String path : new String[] {"api/hubs/whiteboard/:send?api-version=2024-01-01", "eventhandler"}) {
            assertEquals(404, outside.send("POST", path, "text/plain", "hi").status(), path);
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<?> response) {
        return response.uri()
                .resolve(response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new AssertionError("no Location in " + response)));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
