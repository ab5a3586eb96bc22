package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import dev.whiteboard.hub.session.ClientSessions;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.UpstreamReceiver.Received;
import dev.whiteboard.testing.WsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that misbehave: one that vanishes (F5; on the reliable subprotocol too), one that stops reading (F4), one
 * that floods (F3).
 */
@ExtendWith(SharedServer.class)
class HubFaultsIT {

    private WebPubSubServiceClient sdk;
    private String hub;
    private String group;

    @BeforeEach
    void setUp() {
        hub = "faults" + UUID.randomUUID().toString().replace("-", "");
        group = "board";
        sdk = SharedServer.hubClient(hub);
    }

    private String url(String user, String... roles) {
        GetClientAccessTokenOptions options =
                new GetClientAccessTokenOptions().setUserId(user).addGroup(group);
        for (String role : roles) {
            options.addRole(role);
        }
        return sdk.getClientAccessToken(options).getUrl();
    }

    @Test
    void aClientThatVanishesIsDisconnectedWithinTwoKeepAliveIntervals() {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", SharedServer.baseUri().getPort())) {
            String url = url("victor").replace(":" + SharedServer.baseUri().getPort() + "/", ":" + proxy.port() + "/");
            WsClient client = WsClient.json(url);
            String connectionId = client.next().getString("connectionId");
            SharedServer.upstream().next(hub, "connected");
            proxy.freeze();
            Instant vanished = Instant.now();
            Received disconnected = SharedServer.upstream().next(hub, "disconnected");
            Duration noticed = Duration.between(vanished, Instant.now());
            assertEquals(connectionId, disconnected.header("ce-connectionId"));
            // two intervals of silence, plus up to one more until the sweep that notices it
            assertTrue(
                    noticed.compareTo(Duration.ofSeconds(3L * SharedServer.KEEP_ALIVE_SECONDS + 1)) <= 0,
                    "noticed after " + noticed);
            assertFalse(sdk.connectionExistsWithResponse(connectionId, null).getValue());
            client.close();
        }
    }

    @Test
    void aReliableClientThatVanishesLosesItsSocketAtOnceAndItsConnectionAfterTheRecoveryWindow() {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", SharedServer.baseUri().getPort())) {
            String url = url("rachel").replace(":" + SharedServer.baseUri().getPort() + "/", ":" + proxy.port() + "/");
            WsClient client = WsClient.reliable(url);
            String connectionId = client.next().getString("connectionId");
            SharedServer.upstream().next(hub, "connected");
            proxy.freeze();

            // the keep-alive gives up on the socket (the server closes it; the frozen client does not hear of it) ...
            Eventually.until(
                    "the silent client's socket closed by the hub",
                    Duration.ofSeconds(3L * SharedServer.KEEP_ALIVE_SECONDS + 5),
                    () -> proxy.webSocketsClosedByTarget() == 1);
            // ... but not on the connection: its client may still come back with its reconnection token
            assertTrue(
                    sdk.connectionExistsWithResponse(connectionId, null).getValue(),
                    "a reliable connection waits for its client");
            Received disconnected = Eventually.until(
                    "disconnected once the recovery window is over",
                    Duration.ofSeconds(ClientSessions.RECOVERY_SECONDS + 3L * SharedServer.KEEP_ALIVE_SECONDS + 10),
                    () -> {
                        try {
                            return SharedServer.upstream().next(hub, "disconnected");
                        } catch (AssertionError notYet) {
                            return null;
                        }
                    },
                    Objects::nonNull);
            assertEquals(connectionId, disconnected.header("ce-connectionId"));
            assertTrue(disconnected.text().contains("did not come back"), disconnected.text());
            assertFalse(sdk.connectionExistsWithResponse(connectionId, null).getValue());
            client.close();
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheOthersAreUnaffected() {
        String payload = "x".repeat(150_000);
        try (WsClient slow = WsClient.json(url("slow"));
                WsClient reader = WsClient.json(url("reader"));
                WsClient sender = WsClient.json(url("sender", "webpubsub.sendToGroup." + group))) {
            String slowId = slow.next().getString("connectionId");
            reader.next();
            sender.next();
            slow.stopReading();
            int messages =
                    300; // 45 MB, within the sender's frame budget: more than socket buffers and the 16 MB queue hold
            for (int i = 0; i < messages; i++) {
                sender.send("{\"type\":\"sendToGroup\",\"group\":\"" + group
                        + "\",\"noEcho\":true,\"dataType\":\"text\",\"data\":\"" + payload + "\"}");
            }
            for (int i = 0; i < messages; i++) {
                assertEquals(payload.length(), reader.next().getString("data").length());
            }
            Eventually.until(
                    "the slow consumer dropped",
                    Duration.ofSeconds(10),
                    () -> !sdk.connectionExistsWithResponse(slowId, null).getValue());
            sender.send("{\"type\":\"ping\"}");
            assertEquals("pong", sender.next().getString("type"));
        }
    }

    @Test
    void deeplyNestedJsonClosesTheConnectionWith1007AndTheOthersAreUnaffected() {
        try (WsClient nester = WsClient.json(url("nes", "webpubsub.sendToGroup." + group));
                WsClient bystander = WsClient.json(url("bys"))) {
            nester.next();
            bystander.next();
            nester.send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"dataType\":\"json\",\"data\":"
                    + "[".repeat(100_000) + "]".repeat(100_000) + "}");
            assertEquals(1007, nester.awaitClose(), "closed for a malformed frame");
            bystander.send("{\"type\":\"ping\"}");
            assertEquals("pong", bystander.next().getString("type"));
        }
    }

    @Test
    void aClientThatFloodsIsClosedAndTheOthersAreUnaffected() {
        try (WsClient flooder = WsClient.json(url("flo", "webpubsub.sendToGroup." + group));
                WsClient bystander = WsClient.json(url("bea"))) {
            flooder.next();
            bystander.next();
            String frame = "{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"noEcho\":true,\"data\":1}";
            for (int i = 0; i < 5_000; i++) {
                try {
                    flooder.send(frame);
                } catch (AssertionError closedAlready) {
                    break;
                }
            }
            assertEquals(1008, flooder.awaitClose(), "closed for flooding");
            bystander.send("{\"type\":\"ping\"}");
            String type;
            do {
                type = bystander.next().getString("type");
            } while (type.equals("message"));
            assertEquals("pong", type);
        }
    }
}
