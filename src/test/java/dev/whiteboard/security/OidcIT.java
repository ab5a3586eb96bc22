package dev.whiteboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.OidcProvider;
import dev.whiteboard.testing.Stack;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Sign-in through a real OpenID Connect provider (mock-oauth2-server, see {@link OidcProvider}) on a server
 * configured for it: a browser's authorization-code flow, then the real-time connection; bearer tokens for scripts;
 * the provider's groups as board roles. Boards are private here ({@code default-role=none}), so that who sees what
 * is decided by owners, groups and administrators only.
 */
class OidcIT {

    @RegisterExtension
    static final Stack stack = Stack.create()
            .withProvider()
            .withServer(
                    "oidc",
                    server -> server.withEnvironment("WHITEBOARD_OIDC_ADMIN_GROUPS", OidcProvider.ADMINS)
                            .withEnvironment("WHITEBOARD_OIDC_PROVIDER_NAME", "Example Corp")
                            .withEnvironment("WHITEBOARD_BOARDS_DEFAULT_ROLE", "none"));

    @Test
    void aBrowserSignsInWithTheProviderAndComesBackToThePageItWanted() throws Exception {
        HttpClient browser = browser();
        URI base = stack.server().baseUri();
        HttpResponse<String> landed = browser.send(
                HttpRequest.newBuilder(base.resolve("api/session/oidc?next=%2Fboard.html%3Fboard%3Dabc"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, landed.statusCode());
        assertEquals(base.resolve("board.html?board=abc"), landed.uri(), "back on the page the user wanted");

        Http page = Http.via(browser, base, null);
        JsonObject caller = page.get("api/session").json();
        assertEquals("alice", caller.getString("user"));
        assertEquals("oidc", caller.getString("method"));
    }

    @Test
    void aNextThatIsNotAPageOfThisSiteEndsOnTheHomePage() throws Exception {
        URI base = stack.server().baseUri();
        for (String next : List.of("https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example%2F", "%2Fa%20b", "")) {
            HttpResponse<String> landed = browser()
                    .send(
                            HttpRequest.newBuilder(base.resolve("api/session/oidc?next=" + next))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, landed.statusCode(), next);
            assertEquals(base, landed.uri(), next);
        }
    }

    /** Under a context path the way back is a page under it too, on every server (see SessionResource). */
    @Test
    void underAContextPathTheBrowserComesBackToThePageUnderIt() throws Exception {
        TestServer underPath = stack.provider()
                .signingInWith(
                        TestServer.onConfiguredDatabase("oidc-context-path").withContextRoot("/wb"))
                .startFresh();
        try {
            URI base = underPath.baseUri();
            assertEquals("/wb/", base.getPath());
            HttpClient browser = browser();
            HttpResponse<String> landed = browser.send(
                    HttpRequest.newBuilder(base.resolve("api/session/oidc?next=%2Fwb%2Fboard.html%3Fboard%3Dabc"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, landed.statusCode());
            assertEquals(base.resolve("board.html?board=abc"), landed.uri());
            assertEquals(
                    "alice",
                    Http.via(browser, base, null).get("api/session").json().getString("user"));

            HttpResponse<String> home = browser()
                    .send(
                            HttpRequest.newBuilder(base.resolve("api/session/oidc"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertEquals(base, home.uri(), "no next: the app's home page, under its path");
        } finally {
            underPath.stop();
        }
    }

    @Test
    void theSignInPageOffersTheProviderAndARealBrowserSignsInThroughItAndOutOfItAgain() throws Exception {
        try (Browser browser = Browser.recordingPages(stack.server().baseUri())) {
            browser.open("index.html");
            browser.await(d -> d.getCurrentUrl().contains("signin.html"));
            WebElement link = browser.find(By.id("provider-link"));
            assertEquals("Sign in with Example Corp", link.getText());
            assertFalse(browser.driver().findElement(By.id("signin-form")).isDisplayed(), "no password form");
            link.click();
            browser.await(d -> d.getCurrentUrl().endsWith("/index.html"));
            // alice's name is her id, or her built-in account's name where the test servers share one PostgreSQL
            // schema with a server that created the demo accounts
            String who = browser.find(By.id("who")).getText();
            assertTrue(who.equals("Signed in as alice") || who.equals("Signed in as Alice Andersen"), who);
            browser.documentsRequested();

            browser.find(By.id("sign-out")).click();
            browser.await(d -> d.getCurrentUrl().contains("signin.html"));
            List<URI> pages = browser.documentsRequested();
            URI endSession = pages.stream()
                    .filter(u -> u.toString().startsWith(stack.provider().endSessionEndpoint() + "?"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the provider's session was not ended: " + pages));
            assertProviderLogout(endSession, stack.server().baseUri());
            assertEquals(
                    stack.server().baseUri().resolve("signin.html"),
                    pages.get(pages.size() - 1),
                    "back on the sign-in page");
            browser.find(By.id("provider-link"));
            assertEquals(
                    401,
                    ((Number)
                                    browser.asyncScript(
                                            "const done = arguments[arguments.length - 1];"
                                                    + " fetch('api/boards', {headers: {'X-Requested-With': 'fetch'}}).then(r => done(r.status));"))
                            .intValue(),
                    "signed out, and the page's API calls get 401, not the provider");

            browser.find(By.id("provider-link")).click();
            browser.await(d -> d.getCurrentUrl().endsWith("/index.html")
                    || d.getCurrentUrl().endsWith("/"));
            assertTrue(
                    browser.documentsRequested().stream()
                            .anyMatch(u ->
                                    u.toString().startsWith(stack.provider().issuer() + "/authorize?")),
                    "signing in again goes to the provider again");
            assertTrue(browser.find(By.id("who")).getText().startsWith("Signed in as "));
        }
    }

    @Test
    void afterSigningInTheBrowserNegotiatesAndDrawsOverTheRealTimeConnection() throws Exception {
        Http page = signedInBrowser();
        Http.Reply created = page.postJson("api/boards", "{\"title\":\"Signed in with OIDC\"}");
        assertEquals(201, created.status(), created::toString);
        assertEquals("alice", created.json().getString("createdBy"));
        String board = created.json().getString("id");

        try (BoardClient alice = BoardClient.join(page, "alice", board)) {
            assertEquals("owner", alice.negotiated().getString("role"));
            JsonObject result = alice.draw("oidc-1");
            assertEquals("result", result.getString("type"), result::toString);
        }
        JsonArray shapes = page.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes");
        assertEquals(1, shapes.size(), shapes::toString);
        assertEquals("oidc-1", shapes.getJsonObject(0).getString("id"));
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProviderAndPagesGet401JsonNotARedirect() throws Exception {
        HttpClient browser = browser();
        Http page = signedInBrowser(browser);
        assertEquals(200, page.get("api/boards").status());
        Http.Reply signedOut = page.delete("api/session");
        assertEquals(200, signedOut.status(), signedOut::toString);
        assertTrue(signedOut.json().getBoolean("signedOut"));
        URI logout = URI.create(signedOut.json().getString("providerLogoutUrl"));
        assertProviderLogout(logout, stack.server().baseUri());

        HttpResponse<String> landed =
                browser.send(HttpRequest.newBuilder(logout).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, landed.statusCode());
        assertEquals(
                stack.server().baseUri().resolve("signin.html"), landed.uri(), "the provider sends the browser back");

        Http.Reply after = page.send(
                page.request("api/boards").header("X-Requested-With", "fetch").GET());
        assertEquals(401, after.status(), "an API call is never redirected to the provider");
        assertEquals("unauthenticated", after.json().getString("error"));
        assertNull(after.header("Location"));
        assertEquals(204, page.delete("api/session").status(), "signed out already: nothing to end at the provider");
        assertEquals(
                "oidc",
                Http.anonymous(stack.server().baseUri())
                        .get("api/session/method")
                        .json()
                        .getString("method"));
    }

    @Test
    void aScriptWithABearerTokenHasNoProviderSessionToEnd() {
        Http.Reply reply = Http.withBearer(
                        stack.server().baseUri(), stack.provider().accessToken("bob"))
                .delete("api/session");
        assertEquals(204, reply.status(), reply::toString);
    }

    @Test
    void aCallbackThatTheProviderDidNotSendSignsNobodyIn() throws Exception {
        Http page = Http.via(browser(), stack.server().baseUri(), null);
        Http.Reply forged = page.get("api/session/callback?code=made-up&state=made-up");
        assertEquals(401, forged.status(), forged::toString);
        assertEquals("unauthenticated", forged.json().getString("error"));
        assertEquals(401, page.get("api/session").status());

        HttpClient started = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> toProvider = started.send(
                HttpRequest.newBuilder(stack.server().baseUri().resolve("api/session/oidc"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, toProvider.statusCode());
        assertTrue(toProvider
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .startsWith(stack.provider().issuer()));
        Http sameBrowser = Http.via(started, stack.server().baseUri(), null);
        Http.Reply wrongState = sameBrowser.get("api/session/callback?code=made-up&state=not-the-one-sent");
        assertEquals(401, wrongState.status(), wrongState::toString);
        assertEquals(401, sameBrowser.get("api/session").status());
    }

    @Test
    void scriptsCallTheApiWithTheProvidersAccessToken() {
        Http bob = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("bob"));
        JsonObject caller = bob.get("api/session").json();
        assertEquals("bob", caller.getString("user"));
        Http.Reply created = bob.postJson("api/boards", "{\"title\":\"Bob's script\"}");
        assertEquals(201, created.status(), created::toString);
        assertEquals("bob", created.json().getString("createdBy"));
    }

    @Test
    void forgedExpiredAndOtherAudiencesTokensAreRefused() throws Exception {
        for (String token : List.of(
                forgedToken(),
                stack.provider().accessToken("expired"),
                stack.provider().accessToken("elsewhere"),
                "not-a-token")) {
            Http.Reply reply = Http.withBearer(stack.server().baseUri(), token).get("api/boards");
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("unauthenticated", reply.json().getString("error"));
        }
    }

    @Test
    void builtInAccountsAreOffWhileOidcIsOn() {
        Http.Reply basic = Http.withPassword(stack.server().baseUri(), "alice", "whiteboard")
                .get("api/boards");
        assertEquals(401, basic.status(), basic::toString);
        Http.Reply form = Http.anonymous(stack.server().baseUri())
                .send("POST", "api/session", "application/x-www-form-urlencoded", "name=alice&password=whiteboard");
        assertEquals(401, form.status(), form::toString);
    }

    @Test
    void administratorsSeeAndOwnEveryBoard() {
        Http bob = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("bob"));
        Http erin = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("erin"));
        Http carol = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("carol"));
        String board = bob.postJson("api/boards", "{\"title\":\"Bob's private board\"}")
                .json()
                .getString("id");

        assertTrue(ids(erin.get("api/boards").array()).contains(board), "the administrator sees it");
        assertEquals("owner", erin.get("api/boards/" + board).json().getString("role"));
        assertEquals(
                200,
                erin.putJson("api/boards/" + board + "/members/carol", "{\"role\":\"viewer\"}")
                        .status());
        assertEquals("viewer", carol.get("api/boards/" + board).json().getString("role"));
        assertEquals(204, erin.delete("api/boards/" + board + "/members/carol").status());
        assertEquals(403, carol.get("api/boards/" + board).status(), "private again");
    }

    /**
     * With OIDC the provider manages accounts (issue 21, item 4): its administrators see who signed in here, with their
     * groups and boards; the account changes answer 409, and someone else gets 403.
     */
    @Test
    void theProviderManagesAccountsAndItsAdministratorsSeeWhoIsKnown() {
        Http erin = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("erin"));
        Http carol = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("carol"));
        assertEquals(200, carol.get("api/boards").status()); // carol is known here now
        Http.Reply people = erin.get("api/accounts");
        assertEquals(200, people.status(), people::toString);
        assertEquals("provider", people.json().getString("managedBy"));
        assertTrue(
                people.json().getJsonArray("people").stream()
                        .map(p -> p.asJsonObject())
                        .anyMatch(p -> p.getString("name").equals("carol") && p.containsKey("groups")),
                people::toString);
        assertEquals(
                409,
                erin.postJson("api/accounts", "{\"name\":\"zed\",\"displayName\":\"Zed\"}")
                        .status());
        assertEquals(
                409,
                erin.send("PATCH", "api/account", "application/json", "{\"displayName\":\"E\"}")
                        .status());
        assertEquals("provider", erin.get("api/account").json().getString("managedBy"));
        assertEquals(403, carol.get("api/accounts").status());
    }

    @Test
    void aBoardGrantedToAGroupIsVisibleToItsMembersAndNotToOthers() throws Exception {
        Http carol = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("carol"));
        Http bob = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("bob"));
        Http frank = Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("frank"));
        String board = carol.postJson("api/boards", "{\"title\":\"Sales for design\"}")
                .json()
                .getString("id");
        assertEquals(403, bob.get("api/boards/" + board).status());

        Http.Reply granted =
                carol.putJson("api/boards/" + board + "/members/group:" + OidcProvider.DESIGN, "{\"role\":\"viewer\"}");
        assertEquals(200, granted.status(), granted::toString);
        assertEquals("group:design", granted.json().getString("user"));

        assertTrue(ids(bob.get("api/boards").array()).contains(board), "a member of the group sees it");
        assertEquals("viewer", bob.get("api/boards/" + board).json().getString("role"));
        assertEquals(
                403,
                bob.putJson("api/boards/" + board + "/shapes/b1", BoardClient.pen("b1"))
                        .status(),
                "viewers do not draw");
        Http alice = signedInBrowser();
        assertEquals("viewer", alice.get("api/boards/" + board).json().getString("role"), "signed in by browser");

        assertFalse(ids(frank.get("api/boards").array()).contains(board), "not in the group");
        assertEquals(403, frank.get("api/boards/" + board).status());
        assertEquals(403, frank.get("api/negotiate?board=" + board).status());

        assertEquals(
                200,
                carol.putJson("api/boards/" + board + "/members/group:" + OidcProvider.DESIGN, "{\"role\":\"editor\"}")
                        .status());
        try (BoardClient drawing = BoardClient.join(bob, "bob", board)) {
            assertEquals("editor", drawing.negotiated().getString("role"));
            assertEquals("result", drawing.draw("group-1").getString("type"), "the webhook knows bob's groups");
        }
        assertEquals(
                400,
                carol.putJson("api/boards/" + board + "/members/group:", "{\"role\":\"viewer\"}")
                        .status());
    }

    private static Http signedInBrowser() throws Exception {
        return signedInBrowser(browser());
    }

    private static Http signedInBrowser(HttpClient browser) throws Exception {
        HttpResponse<String> landed = browser.send(
                HttpRequest.newBuilder(stack.server().baseUri().resolve("api/session/oidc"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, landed.statusCode(), landed::body);
        return Http.via(browser, stack.server().baseUri(), null);
    }

    /**
     * {@code logout} is the provider's end-session endpoint with the ID token it issued to alice for this app as the
     * hint, this app's client id, and the sign-in page under {@code appBase} to come back to.
     */
    static void assertProviderLogout(URI logout, URI appBase) throws Exception {
        assertTrue(logout.toString().startsWith(stack.provider().endSessionEndpoint() + "?"), logout::toString);
        Map<String, String> query = query(logout);
        assertEquals(OidcProvider.CLIENT_ID, query.get("client_id"), logout::toString);
        assertEquals(appBase.resolve("signin.html").toString(), query.get("post_logout_redirect_uri"));
        JWTClaimsSet hint = idToken(query.get("id_token_hint"));
        assertEquals("alice", hint.getSubject());
        assertEquals(List.of(OidcProvider.CLIENT_ID), hint.getAudience(), "an ID token for this app");
        assertEquals(stack.provider().issuer(), hint.getIssuer());
    }

    /** The claims of a token the provider signed (checked against its published keys). */
    private static JWTClaimsSet idToken(String token) throws Exception {
        assertTrue(token != null && !token.isBlank(), "an id_token_hint");
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet keys = JWKSet.parse(stack.provider().keys().toString());
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(
                key != null
                        && jwt.verify(new DefaultJWSVerifierFactory()
                                .createJWSVerifier(
                                        jwt.getHeader(), key.toRSAKey().toPublicKey())),
                "signed by the provider");
        return jwt.getJWTClaimsSet();
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

    /** A client that behaves like a browser here: keeps cookies and follows redirects (to the provider and back). */
    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A token that looks like the provider's (its issuer, its key id, our audience) but is signed with another key. */
    private static String forgedToken() throws Exception {
        String kid =
                stack.provider().keys().getJsonArray("keys").getJsonObject(0).getString("kid");
        RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(stack.provider().issuer())
                .subject("bob")
                .claim("preferred_username", "bob")
                .audience(OidcProvider.CLIENT_ID)
                .claim("groups", List.of(OidcProvider.ADMINS))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static List<String> ids(JsonArray boards) {
        return boards.getValuesAs(JsonObject.class).stream()
                .map(b -> b.getString("id"))
                .toList();
    }
}
