package dev.whiteboard.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class HandlerTokensTest {

    private static final byte[] PRIMARY = "primary-key-of-at-least-thirty-two-chars".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECONDARY = "secondary-key-of-at-least-thirty-two-ch".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "someone-elses-key-of-thirty-two-chars-x".getBytes(StandardCharsets.UTF_8);
    private static final String HUB = "http://localhost:8080";
    private static final String WEBHOOK = "http://localhost:8080/eventhandler";
    private static final String EVENT = "conn1 7";

    private final HandlerTokens builtIn = HandlerTokens.hmac(List.of(PRIMARY, SECONDARY), HUB, Set.of());

    @Test
    void theBuiltInHubsTokenForThisUrlIsTaken() throws Exception {
        assertDoesNotThrow(() -> builtIn.check("Bearer " + hmac(PRIMARY, c -> {}), WEBHOOK, EVENT));
        assertDoesNotThrow(
                () -> builtIn.check("bearer " + hmac(SECONDARY, c -> {}), "http://LOCALHOST:8080/eventhandler/", EVENT),
                "the secondary key during a rotation; the URL compared as a URL");
    }

    @Test
    void aMissingExpiredForeignOrMisdirectedTokenIsRefused() throws Exception {
        assertRefused(null, "a Bearer token");
        assertRefused("Basic YWxpY2U6d2hpdGVib2FyZA==", "Bearer");
        assertRefused("Bearer not.a.token", "malformed");
        assertRefused("Bearer not-a-token", "malformed");
        assertRefused("Bearer " + hmac(OTHER, c -> {}), "trusted key");
        assertRefused(
                "Bearer "
                        + hmac(
                                PRIMARY,
                                c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))),
                "expired");
        assertRefused("Bearer " + hmac(PRIMARY, c -> c.audience("http://localhost:8080/elsewhere")), "audience");
        assertRefused("Bearer " + hmac(PRIMARY, c -> c.audience((String) null)), "audience");
        assertRefused("Bearer " + hmac(PRIMARY, c -> c.issuer("http://evil.example")), "issuer");
        assertRefused("Bearer " + hmac(PRIMARY, c -> c.issueTime(null)), "missing");
        assertRefused("Bearer " + hmac(PRIMARY, c -> c.expirationTime(null)), "missing");
        assertRefused("Bearer " + hmac(PRIMARY, c -> c.jwtID("conn1 8")), "another event");
        assertRefused("Bearer " + hmac(PRIMARY, c -> c.jwtID("conn2 7")), "another event");
        assertRefused("Bearer " + hmac(PRIMARY, c -> c.jwtID(null)), "another event");
    }

    @Test
    void aSmallClockSkewIsTolerated() throws Exception {
        String justExpired =
                hmac(PRIMARY, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(10))));
        assertDoesNotThrow(() -> builtIn.check("Bearer " + justExpired, WEBHOOK, EVENT));
    }

    @Test
    void aConfiguredAudienceReplacesTheUrlSeen() throws Exception {
        HandlerTokens behindAProxy =
                HandlerTokens.hmac(List.of(PRIMARY), HUB, Set.of("https://board.example.com/eventhandler"));
        String token = hmac(PRIMARY, c -> c.audience("https://board.example.com/eventhandler"));
        assertDoesNotThrow(() -> behindAProxy.check("Bearer " + token, WEBHOOK, EVENT));
        RefusedCallException e = assertThrows(
                RefusedCallException.class,
                () -> behindAProxy.check("Bearer " + hmac(PRIMARY, c -> {}), WEBHOOK, EVENT));
        assertTrue(e.getMessage().contains("audience"));
    }

    @Test
    void identityProviderTokensAreCheckedAgainstItsJwks() throws Exception {
        RSAKey provider = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        AtomicInteger fetched = new AtomicInteger();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/keys", exchange -> {
            fetched.incrementAndGet();
            byte[] body = new JWKSet(provider.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        try {
            String issuer = "https://login.microsoftonline.com/tenant/v2.0";
            String app = "api://whiteboard-webhook";
            HandlerTokens entra = HandlerTokens.jwks(
                    URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys"), issuer, Set.of(app));
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(app)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
            assertDoesNotThrow(() -> entra.check("Bearer " + rs256(provider, claims.build()), WEBHOOK, EVENT));
            assertTrue(fetched.get() >= 1, "the keys came from the JWKS document");

            assertRefused(entra, "Bearer " + rs256(stranger, claims.build()), "trusted key");
            assertRefused(
                    entra,
                    "Bearer "
                            + rs256(
                                    provider,
                                    claims.audience("api://another-app").build()),
                    "audience");
            assertRefused(
                    entra,
                    "Bearer "
                            + rs256(
                                    provider,
                                    claims.audience(app)
                                            .issuer("https://login.microsoftonline.com/other/v2.0")
                                            .build()),
                    "issuer");
            assertRefused(entra, "Bearer " + hmac(PRIMARY, c -> c.issuer(issuer).audience(app)), "trusted key");
        } finally {
            jwks.stop(0);
        }
    }

    @Test
    void audiencesAreComparedAsUrlsWhereTheyAreUrls() {
        assertEquals(
                "http://localhost:8080/eventhandler", HandlerTokens.normalise("HTTP://LocalHost:8080/eventhandler/"));
        assertEquals(
                "https://board.example.com/wb/eventhandler",
                HandlerTokens.normalise("https://board.example.com:443/wb/eventhandler"));
        assertEquals("api://Whiteboard", HandlerTokens.normalise(" api://Whiteboard "));
    }

    private void assertRefused(String authorization, String reason) {
        assertRefused(builtIn, authorization, reason);
    }

    private static void assertRefused(HandlerTokens tokens, String authorization, String reason) {
        RefusedCallException e = assertThrows(
                RefusedCallException.class, () -> tokens.check(authorization, WEBHOOK, EVENT), authorization);
        assertEquals(401, e.kind().status());
        assertTrue(e.getMessage().contains(reason), e.getMessage() + " should say " + reason);
    }

    private static String hmac(byte[] key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(HUB)
                .audience(WEBHOOK)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .jwtID(EVENT);
        change.accept(claims);
        return sign(new MACSigner(key), JWSAlgorithm.HS256, null, claims.build());
    }

    private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
        return sign(new RSASSASigner(key), JWSAlgorithm.RS256, key.getKeyID(), claims);
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims)
            throws Exception {
        SignedJWT jwt =
                new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
