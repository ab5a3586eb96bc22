package dev.whiteboard.hub.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubClientAccessToken;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens made by the official Java SDK, and by hand for the cases the SDK never produces. */
class TokenVerifierTest {

    private static final AccessKey PRIMARY = AccessKey.generate();
    private static final AccessKey SECONDARY = AccessKey.generate();

    private static WebPubSubServiceClient sdk(AccessKey key, String hub) {
        return new WebPubSubServiceClientBuilder()
                .connectionString("Endpoint=http://localhost;Port=8080;AccessKey=" + key.reveal() + ";Version=1.0;")
                .hub(hub)
                .buildClient();
    }

    private static TokenVerifier verifier(Clock clock) {
        return new TokenVerifier(List.of(PRIMARY, SECONDARY), clock);
    }

    private static TokenVerifier verifier() {
        return verifier(Clock.systemUTC());
    }

    @Test
    void acceptsWhatTheOfficialSdkIssues() throws Exception {
        WebPubSubClientAccessToken token = sdk(PRIMARY, "Whiteboard")
                .getClientAccessToken(new GetClientAccessTokenOptions()
                        .setUserId("alice")
                        .addRole("webpubsub.joinLeaveGroup.board-1")
                        .addRole("webpubsub.sendToGroup.board-1")
                        .addGroup("board-1")
                        .setExpiresAfter(Duration.ofMinutes(30)));
        assertTrue(
                token.getUrl().startsWith("ws://localhost:8080/client/hubs/Whiteboard?access_token="), token.getUrl());

        ClientClaims claims = verifier().verify(token.getToken(), "whiteboard");
        assertEquals(Optional.of("alice"), claims.userId());
        assertEquals(List.of("webpubsub.joinLeaveGroup.board-1", "webpubsub.sendToGroup.board-1"), claims.roles());
        assertEquals(List.of("board-1"), claims.groups());
        assertTrue(claims.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(29))));
        assertEquals(Map.of(), claims.otherClaims());
    }

    @Test
    void acceptsTheSecondaryKeySoKeysCanBeRotated() throws Exception {
        String token = sdk(SECONDARY, "whiteboard")
                .getClientAccessToken(new GetClientAccessTokenOptions())
                .getToken();
        ClientClaims claims = verifier().verify(token, "whiteboard");
        assertEquals(Optional.empty(), claims.userId());
        assertEquals(List.of(), claims.roles());
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String token = sdk(AccessKey.generate(), "whiteboard")
                .getClientAccessToken(new GetClientAccessTokenOptions())
                .getToken();
        assertRefused(token, "whiteboard", "signature");
    }

    @Test
    void refusesATamperedToken() throws Exception {
        String token = sdk(PRIMARY, "whiteboard")
                .getClientAccessToken(new GetClientAccessTokenOptions().setUserId("alice"))
                .getToken();
        String[] parts = token.split("\\.");
        String forgedClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]))
                        .replace("alice", "admin")
                        .getBytes());
        assertRefused(parts[0] + "." + forgedClaims + "." + parts[2], "whiteboard", "signature");
        char first = parts[2].charAt(0);
        assertRefused(
                parts[0] + "." + parts[1] + "." + (first == 'A' ? 'B' : 'A') + parts[2].substring(1),
                "whiteboard",
                "signature");
    }

    @Test
    void refusesATokenForAnotherHub() {
        String token = sdk(PRIMARY, "chat")
                .getClientAccessToken(new GetClientAccessTokenOptions())
                .getToken();
        assertRefused(token, "whiteboard", "another endpoint or hub");
    }

    @Test
    void acceptsAnAudienceInTheQueryFormOfTheClientUrl() throws Exception {
        for (String audience : List.of(
                "http://localhost:8080/client/?hub=Whiteboard",
                "https://intranet.example/wb/client?hub=whiteboard",
                "ws://localhost/client/?other=1&hub=WHITEBOARD")) {
            String token = sign(
                    PRIMARY,
                    new JWTClaimsSet.Builder()
                            .audience(audience)
                            .subject("carol")
                            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                            .build());
            assertEquals(
                    Optional.of("carol"), verifier().verify(token, "whiteboard").userId(), audience);
        }
        for (String audience : List.of(
                "http://localhost/client/?hub=chat",
                "http://localhost/client/",
                "http://localhost/other/?hub=whiteboard",
                "http://localhost/client/hubs/?hub=whiteboard",
                "http://localhost/client/?hubs=whiteboard")) {
            String token = sign(
                    PRIMARY,
                    new JWTClaimsSet.Builder()
                            .audience(audience)
                            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                            .build());
            assertRefused(token, "whiteboard", "another endpoint or hub");
        }
    }

    @Test
    void expiryAllowsFiveMinutesOfClockSkewAndNoMore() throws Exception {
        String token = sdk(PRIMARY, "whiteboard")
                .getClientAccessToken(new GetClientAccessTokenOptions().setExpiresAfter(Duration.ofMinutes(10)))
                .getToken();
        Instant now = Instant.now();
        verifier(Clock.fixed(now.plus(Duration.ofMinutes(14)), ZoneOffset.UTC)).verify(token, "whiteboard");
        InvalidTokenException expired = assertThrows(
                InvalidTokenException.class,
                () -> verifier(Clock.fixed(now.plus(Duration.ofMinutes(16)), ZoneOffset.UTC))
                        .verify(token, "whiteboard"));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
    }

    @Test
    void acceptsClaimsWrittenAsPlainStringsAndAWebSocketAudience() throws Exception {
        String token = sign(
                PRIMARY,
                new JWTClaimsSet.Builder()
                        .audience("ws://intranet.example:443/client/hubs/whiteboard/")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .subject("bob")
                        .claim("role", "webpubsub.joinLeaveGroup")
                        .claim("webpubsub.group", "board-9")
                        .claim("department", "sales")
                        .build());
        ClientClaims claims = verifier().verify(token, "WhiteBoard");
        assertEquals(List.of("webpubsub.joinLeaveGroup"), claims.roles());
        assertEquals(List.of("board-9"), claims.groups());
        assertEquals(Map.of("department", List.of("sales")), claims.otherClaims());
    }

    @Test
    void refusesTokensWithoutExpiryOrSignatureOrInAWrongShape() throws Exception {
        JWTClaimsSet noExpiry = new JWTClaimsSet.Builder()
                .audience("http://localhost/client/hubs/whiteboard")
                .build();
        assertRefused(sign(PRIMARY, noExpiry), "whiteboard", "expiry");
        JWTClaimsSet valid = new JWTClaimsSet.Builder()
                .audience("http://localhost/client/hubs/whiteboard")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        assertRefused(new PlainJWT(valid).serialize(), "whiteboard", "not a JWT");
        JWTClaimsSet numericRole = new JWTClaimsSet.Builder()
                .audience("http://localhost/client/hubs/whiteboard")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("role", 42)
                .build();
        assertRefused(sign(PRIMARY, numericRole), "whiteboard", "role");
        assertRefused("", "whiteboard", "no access token");
        assertRefused(null, "whiteboard", "no access token");
        assertRefused("not.a.token", "whiteboard", "not a JWT");
    }

    @Test
    void accessKeysAreLongEnoughForTheSdkAndNeverPrinted() {
        assertThrows(IllegalArgumentException.class, () -> AccessKey.of("short"));
        assertThrows(IllegalArgumentException.class, () -> AccessKey.of("a".repeat(31)));
        assertThrows(IllegalArgumentException.class, () -> AccessKey.of("a".repeat(32) + ";Endpoint=evil"));
        assertThrows(IllegalArgumentException.class, () -> AccessKey.of("a".repeat(32) + " b"));
        AccessKey generated = AccessKey.generate();
        assertEquals(44, generated.reveal().length());
        assertEquals(generated, AccessKey.of(generated.reveal()));
        assertTrue(!generated.toString().contains(generated.reveal().substring(4)), generated.toString());
    }

    private static String sign(AccessKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.secret()));
        return jwt.serialize();
    }

    private static void assertRefused(String token, String hub, String reason) {
        InvalidTokenException refused =
                assertThrows(InvalidTokenException.class, () -> verifier().verify(token, hub));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
