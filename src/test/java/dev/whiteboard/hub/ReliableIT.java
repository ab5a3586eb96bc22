package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.UpstreamReceiver;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reliable subprotocol: sequence ids, acknowledgements, and recovery after the TCP connection is cut
 * (through a proxy, so no close frame is sent): same connection, groups kept, missed messages replayed once and
 * in order, and no new {@code connect}/{@code connected} events.
 */
@ExtendWith(SharedServer.class)
class ReliableIT {

    private WebPubSubServiceClient sdk;
    private String hub;
    private String group;
    private WsClient publisher;

    @BeforeEach
    void setUp() {
        hub = "rel" + UUID.randomUUID().toString().replace("-", "");
        group = "board";
        sdk = SharedServer.hubClient(hub);
    }

    private String url(int port) {
        String url = sdk.getClientAccessToken(
                        new GetClientAccessTokenOptions().setUserId("rita").addGroup(group))
                .getUrl();
        return url.replace(":" + SharedServer.baseUri().getPort() + "/", ":" + port + "/");
    }

    /** Publishes through a client connection with an ack, so each message is sent exactly once. */
    private void publish(int n) {
        if (publisher == null) {
            publisher = WsClient.json(sdk.getClientAccessToken(new GetClientAccessTokenOptions()
                            .setUserId("pub")
                            .addRole("webpubsub.sendToGroup." + group))
                    .getUrl());
            publisher.next();
        }
        publisher.send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"ackId\":" + n + ",\"data\":{\"n\":" + n
                + "}}");
        assertTrue(publisher.next().getBoolean("success"));
    }

    @AfterEach
    void closePublisher() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    private static List<Long> sequenceIds(WsClient client, int count, List<Integer> values) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject message = client.next();
            ids.add(message.getJsonNumber("sequenceId").longValue());
            values.add(message.getJsonObject("data").getInt("n"));
        }
        return ids;
    }

    @Test
    void aCutConnectionIsRecoveredWithTheMissedMessagesOnceAndInOrder() throws Exception {
        UpstreamReceiver upstream = SharedServer.upstream();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", SharedServer.baseUri().getPort())) {
            String firstUrl = url(proxy.port());
            WsClient first = WsClient.reliable(firstUrl);
            assertEquals("json.reliable.webpubsub.azure.v1", first.subprotocol());
            JsonObject connected = first.next();
            String connectionId = connected.getString("connectionId");
            String token = connected.getString("reconnectionToken");
            assertTrue(token.length() >= 32);

            List<Integer> values = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                publish(n);
            }
            assertEquals(List.of(1L, 2L, 3L), sequenceIds(first, 3, values));
            first.send("{\"type\":\"sequenceAck\",\"sequenceId\":2}");
            first.send("{\"type\":\"ping\"}");
            assertEquals("pong", first.next().getString("type"), "acks and system frames carry no sequenceId");

            proxy.cut();
            first.close();
            publish(4);
            publish(5);
            assertTrue(sdk.connectionExistsWithResponse(connectionId, null).getValue(), "the connection waits");

            String recoveryUrl = firstUrl.replace(
                            ":" + proxy.port() + "/",
                            ":" + SharedServer.baseUri().getPort() + "/")
                    + "&awps_connection_id=" + connectionId
                    + "&awps_reconnection_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            try (WsClient back = WsClient.reliable(recoveryUrl)) {
                List<Integer> replayed = new ArrayList<>();
                assertEquals(List.of(3L, 4L, 5L), sequenceIds(back, 3, replayed));
                assertEquals(List.of(3, 4, 5), replayed);
                publish(6);
                assertEquals(List.of(6L), sequenceIds(back, 1, replayed), "groups were kept");
                back.assertNothingWithin(Duration.ofMillis(300));
                List<String> lifecycle = upstream.drain(hub, Duration.ofMillis(500)).stream()
                        .filter(e -> connectionId.equals(e.header("ce-connectionId")))
                        .map(UpstreamReceiver.Received::event)
                        .toList();
                assertEquals(
                        List.of("connect", "connected"),
                        lifecycle,
                        "a recovery sends no new connect or connected, and no disconnected");
            }
        }
    }

    @Test
    void aRecoveryThatCannotWorkIsClosedWith1008() {
        String base = url(SharedServer.baseUri().getPort());
        try (WsClient original = WsClient.reliable(base)) {
            String connectionId = original.next().getString("connectionId");
            try (WsClient forged = WsClient.reliable(
                    base + "&awps_connection_id=" + connectionId + "&awps_reconnection_token=forged")) {
                assertEquals(1008, forged.awaitClose());
            }
            try (WsClient unknown = WsClient.reliable(base + "&awps_connection_id=nope&awps_reconnection_token=x")) {
                assertEquals(1008, unknown.awaitClose());
            }
            original.send("{\"type\":\"ping\"}");
            assertEquals("pong", original.next().getString("type"), "the real client is untouched");
        }
    }

    @Test
    void aPlainJsonClientGetsNoSequenceIdsOrToken() {
        String url = sdk.getClientAccessToken(
                        new GetClientAccessTokenOptions().setUserId("paul").addGroup(group))
                .getUrl();
        try (WsClient client = WsClient.json(url)) {
            assertFalse(client.next().containsKey("reconnectionToken"));
            client.send("{\"type\":\"ping\"}");
            client.next();
            publish(1);
            assertFalse(client.next().containsKey("sequenceId"));
        }
    }
}
