package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.whiteboard.hub.access.AccessKey;
import dev.whiteboard.hub.upstream.Upstream;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.UpstreamReceiver;
import dev.whiteboard.testing.UpstreamReceiver.Answer;
import dev.whiteboard.testing.UpstreamReceiver.Received;
import dev.whiteboard.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub's CloudEvents to a real HTTP event handler (in the test JVM): headers, signatures, the
 * abuse-protection handshake, blocking {@code connect} and user events and their replies, and the
 * non-blocking {@code connected} and {@code disconnected}, and the connection state the handler keeps in the hub.
 */
@ExtendWith(SharedServer.class)
class UpstreamIT {

    private UpstreamReceiver upstream;
    private WebPubSubServiceClient sdk;
    private String hub;

    @BeforeEach
    void setUp() {
        upstream = SharedServer.upstream();
        hub = "up" + UUID.randomUUID().toString().replace("-", "");
        sdk = SharedServer.hubClient(hub);
    }

    private String url(String user, String... roles) {
        GetClientAccessTokenOptions options = new GetClientAccessTokenOptions().setUserId(user);
        for (String role : roles) {
            options.addRole(role);
        }
        return sdk.getClientAccessToken(options).getUrl();
    }

    /** An answer that sets the connection's state. */
    private static Answer withState(String state) {
        return new Answer(204, Map.of("ce-connectionState", state), "");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the event {@code name} with {@code ackId} and awaits its successful ack. */
    private static void event(WsClient client, String name, int ackId) {
        client.send("{\"type\":\"event\",\"event\":\"" + name + "\",\"ackId\":" + ackId
                + ",\"dataType\":\"text\",\"data\":\"x\"}");
        JsonObject ack = client.next();
        assertTrue(ack.getBoolean("success"), ack::toString);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void theConnectionsLifeIsToldToTheHandlerWithSignedCloudEvents() throws Exception {
        String connectionId;
        try (WsClient alice = WsClient.json(url("alice") + "&board=b1")) {
            connectionId = alice.next().getString("connectionId");
            Received connect = upstream.next(hub);
            assertEquals("connect", connect.event());
            assertEquals("POST", connect.method());
            assertEquals("1.0", connect.header("ce-specversion"));
            assertEquals("1.0", connect.header("ce-awpsversion"));
            assertEquals("azure.webpubsub.sys.connect", connect.header("ce-type"));
            assertEquals("/hubs/" + hub + "/client/" + connectionId, connect.header("ce-source"));
            assertEquals(connectionId, connect.header("ce-connectionId"));
            assertEquals("alice", connect.header("ce-userId"));
            assertEquals(hub, connect.header("ce-hub"));
            assertEquals("connect", connect.header("ce-eventName"));
            assertEquals("localhost", connect.header("WebHook-Request-Origin"));
            assertTrue(
                    connect.header("ce-time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                    connect.header("ce-time"));
            assertEquals(
                    "sha256=" + Upstream.hmac(AccessKey.of(TestServer.HUB_ACCESS_KEY), connectionId),
                    connect.header("ce-signature"));
            JsonObject body = json(connect.text());
            assertEquals(
                    List.of("alice"),
                    body.getJsonObject("claims").getJsonArray("sub").getValuesAs(JsonString::getString));
            assertEquals("b1", body.getJsonObject("query").getJsonArray("board").getString(0));
            assertFalse(body.getJsonObject("query").containsKey("access_token"));
            assertTrue(body.getJsonObject("headers").keySet().stream()
                    .noneMatch(h -> h.equalsIgnoreCase("Authorization")));
            assertEquals(
                    List.of("json.webpubsub.azure.v1"),
                    body.getJsonArray("subprotocols").getValuesAs(JsonString::getString));

            Received connected = upstream.next(hub);
            assertEquals("connected", connected.event());
            assertEquals("azure.webpubsub.sys.connected", connected.header("ce-type"));
            assertEquals("json.webpubsub.azure.v1", connected.header("ce-subprotocol"));
            assertEquals("{}", connected.text());
            assertNull(connected.header("ce-connectionState"), "no state until the handler sets one");
        }
        Received disconnected = upstream.next(hub, "disconnected");
        assertEquals(connectionId, disconnected.header("ce-connectionId"));
        assertTrue(json(disconnected.text()).containsKey("reason"));
        assertFalse(upstream.validations().isEmpty(), "the handler was validated before the first event");
        Received validation = upstream.validations().get(0);
        assertEquals("localhost", validation.header("WebHook-Request-Origin"));
        assertEquals("1.0", validation.header("ce-awpsversion"));
    }

    @Test
    void everyCallCarriesAShortLivedTokenForTheUrlItGoesTo() throws Exception {
        try (WsClient alice = WsClient.json(url("alice") + "&board=b1")) {
            alice.next();
            assertToken(upstream.next(hub, "connect"));
            assertToken(upstream.next(hub, "connected"));
            event(alice, "tokened", 1);
            assertToken(upstream.next(hub, "tokened"));
        }
        assertToken(upstream.next(hub, "disconnected"));
        // the handshake is remembered for ten minutes, so its token may be from an earlier test: not checked for expiry
        Received validation = upstream.validations().get(upstream.validations().size() - 1);
        assertEquals(
                Duration.ofMinutes(5).toMillis(),
                SignedJWT.parse(validation.header("Authorization").substring(7))
                                .getJWTClaimsSet()
                                .getExpirationTime()
                                .getTime()
                        - SignedJWT.parse(validation.header("Authorization").substring(7))
                                .getJWTClaimsSet()
                                .getIssueTime()
                                .getTime());
    }

    /**
     * The call's {@code Authorization}: a JWT signed (HS256) with the hub's access key, from the hub's endpoint, for
     * the URL called (without its query), naming the event (connection id and ce-id), issued now and valid for 5
     * minutes.
     */
    private static void assertToken(Received call) throws Exception {
        String authorization = call.header("Authorization");
        assertTrue(authorization != null && authorization.startsWith("Bearer "), call.event() + ": " + authorization);
        SignedJWT jwt = SignedJWT.parse(authorization.substring(7));
        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(
                new MACVerifier(AccessKey.of(TestServer.HUB_ACCESS_KEY).secret())));
        var claims = jwt.getJWTClaimsSet();
        String template = SharedServer.upstream().urlTemplate();
        String origin = template.substring(0, template.indexOf("/upstream/"));
        assertEquals(List.of(origin + call.path()), claims.getAudience(), call.event());
        assertEquals(SharedServer.baseUri().toString().replaceAll("/+$", ""), claims.getIssuer());
        long lifetime =
                claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertEquals(Duration.ofMinutes(5).toMillis(), lifetime);
        assertTrue(claims.getExpirationTime().after(new Date()), "not expired");
        assertEquals(
                call.header("ce-connectionId") + " " + call.header("ce-id"),
                claims.getJWTID(),
                "the token names its event, so it serves no other");
    }

    @Test
    void theHandlerCanRefuseAConnectionWithItsStatus() throws Exception {
        upstream.answer(
                hub, request -> request.event().equals("connect") ? new Answer(403, Map.of(), "no") : Answer.of(204));
        assertEquals(403, WsClient.refusedStatus(url("mallory"), "json.webpubsub.azure.v1"));
        upstream.next(hub, "connect");
        upstream.assertNothingFor(hub, Duration.ofMillis(500));
    }

    @Test
    void theHandlersConnectAnswerDecidesWhoTheClientIsAndWhatItMayDo() {
        upstream.answer(
                hub,
                request -> request.event().equals("connect")
                        ? Answer.json(
                                "{\"userId\":\"alice@corp\",\"roles\":[\"webpubsub.joinLeaveGroup.board-1\"],\"groups\":[\"lobby\"]}")
                        : Answer.of(204));
        try (WsClient client = WsClient.json(url("alice", "webpubsub.sendToGroup"))) {
            assertEquals("alice@corp", client.next().getString("userId"));
            client.send("{\"type\":\"joinGroup\",\"group\":\"board-1\",\"ackId\":1}");
            assertTrue(client.next().getBoolean("success"));
            client.send("{\"type\":\"sendToGroup\",\"group\":\"board-1\",\"ackId\":2,\"data\":1}");
            assertEquals("Forbidden", client.next().getJsonObject("error").getString("name"), "roles were replaced");
            assertTrue(sdk.groupExistsWithResponse("lobby", null).getValue());
        }
    }

    @Test
    void userEventsReachTheHandlerAndItsReplyComesBackBeforeTheAck() {
        upstream.answer(
                hub,
                request -> request.event().equals("shape")
                        ? Answer.json("{\"stored\":true,\"version\":7}")
                        : request.event().equals("broken") ? Answer.of(500) : Answer.of(204));
        try (WsClient client = WsClient.json(url("alice"))) {
            client.next();
            client.send(
                    "{\"type\":\"event\",\"event\":\"shape\",\"ackId\":5,\"dataType\":\"json\",\"data\":{\"id\":\"s1\"}}");
            JsonObject reply = client.next();
            assertEquals("message", reply.getString("type"));
            assertEquals("server", reply.getString("from"));
            assertEquals("json", reply.getString("dataType"));
            assertEquals(7, reply.getJsonObject("data").getInt("version"));
            assertTrue(client.next().getBoolean("success"));
            Received event = upstream.next(hub, "shape");
            assertEquals("azure.webpubsub.user.shape", event.header("ce-type"));
            assertTrue(event.header("Content-Type").startsWith("application/json"));
            assertEquals("s1", json(event.text()).getString("id"));

            client.send("{\"type\":\"event\",\"event\":\"broken\",\"ackId\":6,\"dataType\":\"text\",\"data\":\"x\"}");
            JsonObject failed = client.next();
            assertFalse(failed.getBoolean("success"));
            assertEquals("InternalServerError", failed.getJsonObject("error").getString("name"));
            client.send("{\"type\":\"ping\"}");
            assertEquals("pong", client.next().getString("type"), "the connection stays");
        }
    }

    @Test
    void binaryAnswersReachTheClientByteForByte() {
        byte[] bytes = {0, (byte) 0xff, (byte) 0xc3, 0x28, 10};
        upstream.answer(hub, request -> request.event().equals("blob") ? Answer.binary(bytes) : Answer.of(204));
        try (WsClient client = WsClient.json(url("alice"))) {
            client.next();
            client.send("{\"type\":\"event\",\"event\":\"blob\",\"dataType\":\"binary\",\"data\":\"AQI=\"}");
            JsonObject reply = client.next();
            assertEquals("binary", reply.getString("dataType"));
            assertEquals(Base64.getEncoder().encodeToString(bytes), reply.getString("data"));
            assertTrue(upstream.next(hub, "blob").header("Content-Type").startsWith("application/octet-stream"));
        }
    }

    @Test
    void plainClientFramesAreMessageEventsAnsweredWithFrames() {
        upstream.answer(
                hub,
                request -> request.event().equals("message") ? Answer.text("echo: " + request.text()) : Answer.of(204));
        try (WsClient plain = WsClient.plain(url("pat"))) {
            plain.send("hello");
            assertEquals("echo: hello", plain.nextRaw());
            Received message = upstream.next(hub, "message");
            assertEquals("azure.webpubsub.user.message", message.header("ce-type"));
            assertTrue(message.header("Content-Type").startsWith("text/plain"));
            assertNull(message.header("ce-subprotocol"));
        }
    }

    @Test
    void theStateTheHandlerAnswersWithComesWithEveryLaterEventOfTheConnection() {
        String board = base64("{\"board\":\"b1\"}");
        String renamed = base64("{\"board\":\"b2\"}");
        upstream.answer(hub, request -> switch (request.event()) {
            case "connect" -> withState(board);
            case "rename" -> withState(renamed);
            case "forget" -> withState("");
            default -> Answer.of(204);
        });
        String connectionId;
        try (WsClient client = WsClient.json(url("alice"))) {
            connectionId = client.next().getString("connectionId");
            assertNull(upstream.next(hub, "connect").header("ce-connectionState"), "a new connection has no state");
            assertEquals(board, upstream.next(hub, "connected").header("ce-connectionState"));
            event(client, "shape", 1);
            assertEquals(board, upstream.next(hub, "shape").header("ce-connectionState"));
            event(client, "rename", 2);
            assertEquals(
                    board, upstream.next(hub, "rename").header("ce-connectionState"), "it was sent with the old one");
            event(client, "shape", 3);
            assertEquals(renamed, upstream.next(hub, "shape").header("ce-connectionState"), "its answer set a new one");
            event(client, "forget", 4);
            assertEquals(renamed, upstream.next(hub, "forget").header("ce-connectionState"));
            event(client, "shape", 5);
            assertNull(upstream.next(hub, "shape").header("ce-connectionState"), "an empty state clears it");
            event(client, "rename", 6);
            assertNull(upstream.next(hub, "rename").header("ce-connectionState"));
        }
        Received disconnected = upstream.next(hub, "disconnected");
        assertEquals(connectionId, disconnected.header("ce-connectionId"));
        assertEquals(renamed, disconnected.header("ce-connectionState"));
    }

    @Test
    void aStateOverTheLimitIsAFailureOfTheHandlersAnswer() {
        String tooLarge = "a".repeat(Upstream.MAX_CONNECTION_STATE + 1);
        String largest = "b".repeat(Upstream.MAX_CONNECTION_STATE);
        upstream.answer(hub, request -> {
            if (request.event().equals("connect")) {
                return withState("mallory".equals(request.header("ce-userId")) ? tooLarge : largest);
            }
            return request.event().equals("grow") ? withState(tooLarge) : Answer.of(204);
        });
        assertEquals(500, WsClient.refusedStatus(url("mallory"), "json.webpubsub.azure.v1"));
        try (WsClient client = WsClient.json(url("alice"))) {
            client.next();
            client.send("{\"type\":\"event\",\"event\":\"grow\",\"ackId\":1,\"dataType\":\"text\",\"data\":\"x\"}");
            JsonObject failed = client.next();
            assertFalse(failed.getBoolean("success"));
            assertEquals("InternalServerError", failed.getJsonObject("error").getString("name"));
            event(client, "shape", 2);
            assertEquals(
                    largest, upstream.next(hub, "shape").header("ce-connectionState"), "the state stays as it was");
        }
    }

    @Test
    void theStateSurvivesAReliableRecovery() {
        String state = base64("{\"seat\":7}");
        upstream.answer(hub, request -> request.event().equals("connect") ? withState(state) : Answer.of(204));
        String url = url("rita");
        WsClient first = WsClient.reliable(url);
        JsonObject connected = first.next();
        first.abort(); // dropped without a close frame: a close frame would end the connection
        String token = URLEncoder.encode(connected.getString("reconnectionToken"), StandardCharsets.UTF_8);
        try (WsClient back = WsClient.reliable(url + "&awps_connection_id=" + connected.getString("connectionId")
                + "&awps_reconnection_token=" + token)) {
            event(back, "shape", 1);
            Received event = upstream.next(hub, "shape");
            assertEquals(connected.getString("connectionId"), event.header("ce-connectionId"));
            assertEquals(state, event.header("ce-connectionState"));
        }
    }
}
