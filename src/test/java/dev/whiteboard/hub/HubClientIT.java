package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.whiteboard.hub.access.AccessKey;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built-in hub's client endpoint, driven by real WebSocket clients holding tokens from the official Java
 * SDK: the handshake (at {@code /client/hubs/{hub}} and at {@code /client/?hub={hub}}), every client message and
 * reply, permissions, acks, plain clients and the error closes.
 */
@ExtendWith(SharedServer.class)
class HubClientIT {

    private static final Duration QUIET = Duration.ofMillis(300);

    private WebPubSubServiceClient sdk;
    private String group;

    @BeforeEach
    void setUp() {
        sdk = SharedServer.hubClient("Whiteboard");
        group = "board-" + UUID.randomUUID();
    }

    private String url(String user, String... roles) {
        GetClientAccessTokenOptions options = new GetClientAccessTokenOptions().setUserId(user);
        for (String role : roles) {
            options.addRole(role);
        }
        return sdk.getClientAccessToken(options).getUrl();
    }

    private String editor(String user) {
        return url(user, "webpubsub.joinLeaveGroup." + group, "webpubsub.sendToGroup." + group);
    }

    private static JsonObject connected(WsClient client) {
        JsonObject frame = client.next();
        assertEquals("system", frame.getString("type"));
        assertEquals("connected", frame.getString("event"));
        return frame;
    }

    private static void assertAck(WsClient client, long ackId) {
        JsonObject ack = client.next();
        assertEquals(
                Json.createObjectBuilder()
                        .add("type", "ack")
                        .add("ackId", ackId)
                        .add("success", true)
                        .build(),
                ack);
    }

    private static JsonObject assertAckError(WsClient client, long ackId, String name) {
        JsonObject ack = client.next();
        assertEquals("ack", ack.getString("type"), ack::toString);
        assertEquals(ackId, ack.getJsonNumber("ackId").longValue());
        assertFalse(ack.getBoolean("success"));
        assertEquals(name, ack.getJsonObject("error").getString("name"), ack::toString);
        assertFalse(ack.getJsonObject("error").getString("message").isBlank());
        return ack;
    }

    @Test
    void aClientWithAnSdkTokenIsConnectedAsItsUser() {
        try (WsClient alice = WsClient.json(url("alice"))) {
            assertEquals("json.webpubsub.azure.v1", alice.subprotocol());
            JsonObject frame = connected(alice);
            assertEquals("alice", frame.getString("userId"));
            assertTrue(frame.getString("connectionId").length() >= 16);
            assertFalse(frame.containsKey("reconnectionToken"));
        }
    }

    @Test
    void concurrentHandshakesKeepTheirOwnIdentity() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> connects = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String user = "user-" + i;
                connects.add(() -> {
                    try (WsClient client = WsClient.json(url(user))) {
                        return user + "=" + connected(client).getString("userId");
                    }
                });
            }
            for (Future<String> result : pool.invokeAll(connects)) {
                String[] pair = result.get().split("=");
                assertEquals(pair[0], pair[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void handshakesWithoutAValidTokenAreRefusedWith401() throws Exception {
        String good = url("alice");
        String base = good.substring(0, good.indexOf('?'));
        assertEquals(401, WsClient.refusedStatus(base, "json.webpubsub.azure.v1"));
        assertEquals(401, WsClient.refusedStatus(base + "?access_token=garbage"));
        String forged = sign(AccessKey.generate(), "alice", Instant.now().plusSeconds(600), base);
        assertEquals(401, WsClient.refusedStatus(base + "?access_token=" + forged));
        String expired = sign(
                AccessKey.of(TestServer.HUB_ACCESS_KEY), "alice", Instant.now().minusSeconds(600), base);
        assertEquals(401, WsClient.refusedStatus(base + "?access_token=" + expired));
        String otherHub = SharedServer.hubClient("chat")
                .getClientAccessToken(new GetClientAccessTokenOptions())
                .getToken();
        assertEquals(401, WsClient.refusedStatus(base + "?access_token=" + otherHub));
        assertEquals(
                400, WsClient.refusedStatus(good, "mqtt.v5", "protobuf.webpubsub.azure.v2"), "unknown subprotocols");
    }

    /** The SDK's client URL ({@code …/client/hubs/{hub}?access_token=…}) in the query form ({@code …{path}?hub={hub}&…}). */
    private static String queryForm(String sdkUrl, String path) {
        int hubs = sdkUrl.indexOf("/client/hubs/");
        int query = sdkUrl.indexOf('?');
        return sdkUrl.substring(0, hubs) + path + "?hub=" + sdkUrl.substring(hubs + "/client/hubs/".length(), query)
                + "&" + sdkUrl.substring(query + 1);
    }

    private static String webSocketBase() {
        return SharedServer.baseUri().toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
    }

    @Test
    void theHubCanBeNamedInTheQueryOfTheClientUrl() throws Exception {
        String alicesUrl = queryForm(editor("alice"), "/client/");
        assertTrue(alicesUrl.contains("/client/?hub=Whiteboard&access_token="), alicesUrl);
        String queryAudience = sign(
                AccessKey.of(TestServer.HUB_ACCESS_KEY),
                "bob",
                Instant.now().plusSeconds(600),
                webSocketBase() + "/client/?hub=whiteboard");
        try (WsClient alice = WsClient.json(alicesUrl);
                WsClient bob =
                        WsClient.json(webSocketBase() + "/client?hub=WhiteBoard&access_token=" + queryAudience)) {
            assertEquals("json.webpubsub.azure.v1", alice.subprotocol());
            assertEquals("alice", connected(alice).getString("userId"));
            assertEquals("bob", connected(bob).getString("userId"), "without the slash, with a query-form audience");
            alice.send("{\"type\":\"joinGroup\",\"group\":\"" + group + "\",\"ackId\":1}");
            assertAck(alice, 1);
            sdk.sendToGroup(group, "{\"via\":\"query\"}", WebPubSubContentType.APPLICATION_JSON);
            JsonObject message = alice.next();
            assertEquals("group", message.getString("from"));
            assertEquals(group, message.getString("group"));
            assertEquals("query", message.getJsonObject("data").getString("via"));
            bob.assertNothingWithin(QUIET);
        }
    }

    @Test
    void theQueryFormRefusesHandshakesWithoutAValidTokenWith401() throws Exception {
        String base = webSocketBase() + "/client/?hub=Whiteboard";
        assertEquals(401, WsClient.refusedStatus(base, "json.webpubsub.azure.v1"));
        assertEquals(401, WsClient.refusedStatus(base + "&access_token=garbage"));
        String forged = sign(AccessKey.generate(), "alice", Instant.now().plusSeconds(600), base);
        assertEquals(401, WsClient.refusedStatus(base + "&access_token=" + forged, "json.webpubsub.azure.v1"));
        String otherHub = SharedServer.hubClient("chat")
                .getClientAccessToken(new GetClientAccessTokenOptions())
                .getToken();
        assertEquals(401, WsClient.refusedStatus(base + "&access_token=" + otherHub, "json.webpubsub.azure.v1"));
        String otherHubInQuery = sign(
                AccessKey.of(TestServer.HUB_ACCESS_KEY),
                "alice",
                Instant.now().plusSeconds(600),
                webSocketBase() + "/client/?hub=chat");
        assertEquals(401, WsClient.refusedStatus(base + "&access_token=" + otherHubInQuery, "json.webpubsub.azure.v1"));
        String good =
                sdk.getClientAccessToken(new GetClientAccessTokenOptions()).getToken();
        assertEquals(
                404,
                WsClient.refusedStatus(webSocketBase() + "/client/?access_token=" + good, "json.webpubsub.azure.v1"),
                "no hub named");
    }

    @Test
    void aReliableClientRecoversThroughTheQueryForm() {
        String url = queryForm(
                sdk.getClientAccessToken(new GetClientAccessTokenOptions()
                                .setUserId("rita")
                                .addGroup(group))
                        .getUrl(),
                "/client/");
        WsClient first = WsClient.reliable(url);
        JsonObject hello = connected(first);
        first.abort(); // dropped without a close frame: a close frame would end the connection
        sdk.sendToGroup(group, "{\"n\":1}", WebPubSubContentType.APPLICATION_JSON);
        String token = URLEncoder.encode(hello.getString("reconnectionToken"), StandardCharsets.UTF_8);
        try (WsClient back = WsClient.reliable(
                url + "&awps_connection_id=" + hello.getString("connectionId") + "&awps_reconnection_token=" + token)) {
            JsonObject replayed = back.next();
            assertEquals(1, replayed.getJsonNumber("sequenceId").longValue());
            assertEquals(1, replayed.getJsonObject("data").getInt("n"));
        }
    }

    @Test
    void browserPagesFromOriginsOutsideThePolicyAreRefused() {
        String url = url("alice");
        assertEquals(403, WsClient.refusedStatusFrom("https://evil.example", url));
        assertEquals(403, WsClient.refusedStatusFrom("https://board.intranet.example.evil.example", url));
        try (WsClient page = WsClient.jsonFrom(SharedServer.ALLOWED_ORIGIN, url)) {
            assertEquals("alice", connected(page).getString("userId"));
        }
    }

    @Test
    void groupMessagesReachEveryMemberWithTheSendersIdentity() {
        try (WsClient alice = WsClient.json(editor("alice"));
                WsClient bob = WsClient.json(editor("bob"))) {
            connected(alice);
            connected(bob);
            alice.send("{\"type\":\"joinGroup\",\"group\":\"" + group + "\",\"ackId\":1}");
            assertAck(alice, 1);
            bob.send("{\"type\":\"joinGroup\",\"group\":\"" + group + "\",\"ackId\":1}");
            assertAck(bob, 1);

            alice.send(
                    "{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"ackId\":2,\"data\":{\"stroke\":[1,2,3]}}");
            List<String> aliceGot =
                    List.of(alice.next().getString("type"), alice.next().getString("type"));
            assertEquals(
                    Set.of("ack", "message"),
                    Set.copyOf(aliceGot),
                    "without noEcho the sender gets its own message too, besides the ack");
            JsonObject received = bob.next();
            assertEquals(
                    Json.createObjectBuilder()
                            .add("type", "message")
                            .add("from", "group")
                            .add("group", group)
                            .add("fromUserId", "alice")
                            .add("dataType", "json")
                            .add(
                                    "data",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "stroke",
                                                    Json.createArrayBuilder()
                                                            .add(1)
                                                            .add(2)
                                                            .add(3)))
                            .build(),
                    received);

            alice.send("{\"type\":\"sendToGroup\",\"group\":\"" + group
                    + "\",\"noEcho\":true,\"dataType\":\"text\",\"data\":\"hi\"}");
            assertEquals("hi", bob.next().getString("data"));
            alice.assertNothingWithin(QUIET);

            bob.send("{\"type\":\"leaveGroup\",\"group\":\"" + group + "\",\"ackId\":2}");
            assertAck(bob, 2);
            alice.send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"noEcho\":true,\"data\":1}");
            bob.assertNothingWithin(QUIET);
        }
    }

    @Test
    void withoutTheRoleJoiningAndSendingAreForbiddenAndNothingIsDelivered() {
        String viewerUrl = url("vera", "webpubsub.joinLeaveGroup." + group);
        try (WsClient viewer = WsClient.json(viewerUrl);
                WsClient stranger = WsClient.json(url("sam"))) {
            connected(viewer);
            connected(stranger);
            viewer.send("{\"type\":\"joinGroup\",\"group\":\"" + group + "\",\"ackId\":1}");
            assertAck(viewer, 1);
            viewer.send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"ackId\":2,\"data\":\"x\"}");
            assertAckError(viewer, 2, "Forbidden");
            stranger.send("{\"type\":\"joinGroup\",\"group\":\"" + group + "\",\"ackId\":1}");
            assertAckError(stranger, 1, "Forbidden");
            stranger.send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"ackId\":2,\"data\":\"x\"}");
            assertAckError(stranger, 2, "Forbidden");
            viewer.assertNothingWithin(QUIET);
        }
    }

    @Test
    void aRepeatedAckIdIsADuplicateAndIsNotCarriedOutAgain() {
        try (WsClient alice = WsClient.json(editor("alice"));
                WsClient bob = WsClient.json(editor("bob"))) {
            connected(alice);
            connected(bob);
            bob.send("{\"type\":\"joinGroup\",\"group\":\"" + group + "\",\"ackId\":1}");
            assertAck(bob, 1);
            alice.send("{\"type\":\"ping\"}");
            assertEquals(Json.createObjectBuilder().add("type", "pong").build(), alice.next());
            String send = "{\"type\":\"sendToGroup\",\"group\":\"" + group
                    + "\",\"ackId\":7,\"noEcho\":true,\"data\":\"once\"}";
            alice.send(send);
            assertAck(alice, 7);
            assertEquals("once", bob.next().getString("data"));
            alice.send(send);
            assertAckError(alice, 7, "Duplicate");
            bob.assertNothingWithin(QUIET);
        }
    }

    @Test
    void invalidFieldsGetABadRequestAckAndTheConnectionStays() {
        try (WsClient alice = WsClient.json(editor("alice"))) {
            connected(alice);
            alice.send("{\"type\":\"joinGroup\",\"group\":\"\",\"ackId\":3}");
            assertAckError(alice, 3, "BadRequest");
            alice.send(
                    "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":4,\"dataType\":\"binary\",\"data\":\"%%\"}");
            assertAckError(alice, 4, "BadRequest");
            alice.send("{\"type\":\"ping\"}");
            assertEquals("pong", alice.next().getString("type"));
        }
    }

    @Test
    void plainClientsGetTheRawDataOfTheirGroups() {
        String plainUrl = sdk.getClientAccessToken(
                        new GetClientAccessTokenOptions().setUserId("pat").addGroup(group))
                .getUrl();
        try (WsClient plain = WsClient.plain(plainUrl);
                WsClient alice = WsClient.json(editor("alice"))) {
            connected(alice);
            assertEquals("", plain.subprotocol());
            awaitMembership();
            alice.send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"noEcho\":true,\"data\":{\"a\":1}}");
            assertEquals("{\"a\":1}", plain.nextRaw());
            alice.send("{\"type\":\"sendToGroup\",\"group\":\"" + group
                    + "\",\"noEcho\":true,\"dataType\":\"text\",\"data\":\"ok\"}");
            assertEquals("ok", plain.nextRaw());
            alice.send("{\"type\":\"sendToGroup\",\"group\":\"" + group
                    + "\",\"noEcho\":true,\"dataType\":\"binary\",\"data\":\"AQID\"}");
            assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) plain.nextRaw());
        }
    }

    @Test
    void brokenFramesCloseOnlyTheConnectionThatSentThem() {
        try (WsClient bystander = WsClient.json(editor("bea"))) {
            connected(bystander);
            try (WsClient client = WsClient.json(editor("mal"))) {
                connected(client);
                client.send("{not json");
                assertEquals(1007, client.awaitClose());
            }
            try (WsClient client = WsClient.json(editor("mal"))) {
                connected(client);
                client.send("{\"type\":\"dance\"}");
                assertEquals(1007, client.awaitClose());
            }
            try (WsClient client = WsClient.json(editor("mal"))) {
                connected(client);
                client.sendBinary("hello".getBytes(StandardCharsets.UTF_8));
                assertEquals(1003, client.awaitClose());
            }
            try (WsClient client = WsClient.json(editor("mal"))) {
                connected(client);
                client.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"text\",\"data\":\""
                        + "x".repeat(1024 * 1024) + "\"}");
                assertEquals(1009, client.awaitClose());
            }
            bystander.send("{\"type\":\"ping\"}");
            assertEquals("pong", bystander.next().getString("type"));
        }
    }

    /** A plain client gets no connected frame: wait until the hub reports its token's group. */
    private void awaitMembership() {
        Eventually.until(
                "the plain client in " + group,
                Duration.ofSeconds(10),
                () -> sdk.groupExistsWithResponse(group, null).getValue());
    }

    private static String sign(AccessKey key, String user, Instant expires, String audience) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .audience(audience.replaceFirst("^ws", "http"))
                        .subject(user)
                        .expirationTime(Date.from(expires))
                        .build());
        jwt.sign(new MACSigner(key.secret()));
        return jwt.serialize();
    }
}
