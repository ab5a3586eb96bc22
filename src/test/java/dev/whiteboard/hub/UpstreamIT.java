package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.UpstreamReceiver;
import dev.whiteboard.testing.UpstreamReceiver.Answer;
import dev.whiteboard.testing.UpstreamReceiver.Received;
import dev.whiteboard.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub's CloudEvents to a real HTTP event handler (in the test JVM): headers, signatures, the
 * abuse-protection handshake, blocking {@code connect} and user events and their replies, and the
 * non-blocking {@code connected} and {@code disconnected}.
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
            assertTrue(connect.header("ce-time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), connect.header("ce-time"));
            assertEquals("sha256=" + Upstream.hmac(AccessKey.of(TestServer.HUB_ACCESS_KEY), connectionId),
                    connect.header("ce-signature"));
            JsonObject body = json(connect.text());
            assertEquals(List.of("alice"), body.getJsonObject("claims").getJsonArray("sub").getValuesAs(
                    jakarta.json.JsonString::getString));
            assertEquals("b1", body.getJsonObject("query").getJsonArray("board").getString(0));
            assertFalse(body.getJsonObject("query").containsKey("access_token"));
            assertTrue(body.getJsonObject("headers").keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Authorization")));
            assertEquals(List.of("json.webpubsub.azure.v1"), body.getJsonArray("subprotocols").getValuesAs(
                    jakarta.json.JsonString::getString));

            Received connected = upstream.next(hub);
            assertEquals("connected", connected.event());
            assertEquals("azure.webpubsub.sys.connected", connected.header("ce-type"));
            assertEquals("json.webpubsub.azure.v1", connected.header("ce-subprotocol"));
            assertEquals("{}", connected.text());
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
    void theHandlerCanRefuseAConnectionWithItsStatus() throws Exception {
        upstream.answer(hub, request -> request.event().equals("connect") ? new Answer(403, java.util.Map.of(), "no") : Answer.of(204));
        assertEquals(403, WsClient.refusedStatus(url("mallory"), "json.webpubsub.azure.v1"));
        upstream.next(hub, "connect");
        upstream.assertNothingFor(hub, Duration.ofMillis(500));
    }

    @Test
    void theHandlersConnectAnswerDecidesWhoTheClientIsAndWhatItMayDo() {
        upstream.answer(hub, request -> request.event().equals("connect")
                ? Answer.json("{\"userId\":\"alice@corp\",\"roles\":[\"webpubsub.joinLeaveGroup.board-1\"],\"groups\":[\"lobby\"]}")
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
        upstream.answer(hub, request -> request.event().equals("shape") ? Answer.json("{\"stored\":true,\"version\":7}")
                : request.event().equals("broken") ? Answer.of(500) : Answer.of(204));
        try (WsClient client = WsClient.json(url("alice"))) {
            client.next();
            client.send("{\"type\":\"event\",\"event\":\"shape\",\"ackId\":5,\"dataType\":\"json\",\"data\":{\"id\":\"s1\"}}");
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
            assertEquals(java.util.Base64.getEncoder().encodeToString(bytes), reply.getString("data"));
            assertTrue(upstream.next(hub, "blob").header("Content-Type").startsWith("application/octet-stream"));
        }
    }

    @Test
    void plainClientFramesAreMessageEventsAnsweredWithFrames() {
        upstream.answer(hub, request -> request.event().equals("message") ? Answer.text("echo: " + request.text())
                : Answer.of(204));
        try (WsClient plain = WsClient.plain(url("pat"))) {
            plain.send("hello");
            assertEquals("echo: hello", plain.nextRaw());
            Received message = upstream.next(hub, "message");
            assertEquals("azure.webpubsub.user.message", message.header("ce-type"));
            assertTrue(message.header("Content-Type").startsWith("text/plain"));
            assertNull(message.header("ce-subprotocol"));
        }
    }
}
