package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.UpstreamReceiver;
import dev.whiteboard.testing.UpstreamReceiver.Received;
import dev.whiteboard.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that closes its WebSocket with a close frame has left: its connection ends at once, reliable or not
 * ({@code disconnected} reaches the event handler long before the 30 s a reliable connection waits for a client that
 * vanished, and the reconnection token is refused). A reliable client that vanishes without a close frame (its TCP
 * connection dropped, or silent until keep-alive gives up on it) can still come back. Raw frames from the JDK's
 * WebSocket client; the "no code" close is sent by Microsoft's JavaScript client ({@code JsClientCloseIT}).
 */
@ExtendWith(SharedServer.class)
class CleanCloseIT {

    /** Well below the 30 s a reliable connection waits: a wait that only a clean close can pass. */
    private static final Duration WELL_BEFORE_RECOVERY_ENDS = Duration.ofSeconds(10);

    private final UpstreamReceiver upstream = SharedServer.upstream();
    private String hub;
    private WebPubSubServiceClient sdk;

    @BeforeEach
    void setUp() {
        hub = "close" + UUID.randomUUID().toString().replace("-", "");
        sdk = SharedServer.hubClient(hub);
    }

    private String url() {
        return sdk.getClientAccessToken(
                        new GetClientAccessTokenOptions().setUserId("cleo").addGroup("room"))
                .getUrl();
    }

    private String recoveryUrl(String url, JsonObject connected) {
        return url + "&awps_connection_id=" + connected.getString("connectionId") + "&awps_reconnection_token="
                + URLEncoder.encode(connected.getString("reconnectionToken"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {1000, 1001, 4000})
    void aReliableClientThatSendsACloseFrameIsDisconnectedAtOnceAndCannotRecover(int code) {
        String url = url();
        WsClient client = WsClient.reliable(url);
        JsonObject connected = client.next();
        String connectionId = connected.getString("connectionId");
        assertEquals(connectionId, upstream.next(hub, "connected").header("ce-connectionId"));

        assertEquals(code, client.closeWith(code, "see you"), "the hub answers the close with its code");

        Received disconnected = upstream.next(hub, "disconnected"); // waits 10 s at most; recovery would wait 30
        assertEquals(connectionId, disconnected.header("ce-connectionId"));
        assertEquals("see you", json(disconnected.text()).getString("reason"), "the client's reason is the reason");
        assertFalse(sdk.connectionExistsWithResponse(connectionId, null).getValue(), "the connection is gone");
        try (WsClient back = WsClient.reliable(recoveryUrl(url, connected))) {
            assertEquals(1008, back.awaitClose(), "a connection its client closed cannot be recovered");
        }
    }

    @Test
    void aPlainJsonClientThatSendsACloseFrameIsDisconnectedAtOnceToo() {
        WsClient client = WsClient.json(url());
        String connectionId = client.next().getString("connectionId");
        client.closeWith(1000, "");
        Received disconnected = upstream.next(hub, "disconnected");
        assertEquals(connectionId, disconnected.header("ce-connectionId"));
        assertEquals("", json(disconnected.text()).getString("reason"));
    }

    @Test
    void aReliableClientWhoseConnectionDropsWithoutACloseFrameCanStillRecover() throws InterruptedException {
        String url = url();
        WsClient client = WsClient.reliable(url);
        JsonObject connected = client.next();
        upstream.next(hub, "connected");

        client.abort(); // the TCP connection closes, no close frame
        assertStillRecoverable(url, connected);
    }

    @Test
    void aReliableClientThatFallsSilentUntilKeepAliveGivesUpCanStillRecover() throws InterruptedException {
        String direct = url();
        int port = SharedServer.baseUri().getPort();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", port)) {
            WsClient client = WsClient.reliable(direct.replace(":" + port + "/", ":" + proxy.port() + "/"));
            JsonObject connected = client.next();
            upstream.next(hub, "connected");

            proxy.freeze(); // nothing passes any more: the hub closes the socket after two silent keep-alive intervals
            assertStillRecoverable(direct, connected);
            client.abort();
        }
    }

    /**
     * Nothing is sent to the handler for longer than the hub takes to notice a silent client, the connection still
     * exists, and its client gets it back with what was sent meanwhile.
     */
    private void assertStillRecoverable(String url, JsonObject connected) throws InterruptedException {
        String connectionId = connected.getString("connectionId");
        upstream.assertNothingFor(hub, Duration.ofSeconds(4L * SharedServer.KEEP_ALIVE_SECONDS));
        assertTrue(sdk.connectionExistsWithResponse(connectionId, null).getValue(), "the connection waits");
        sdk.sendToGroup("room", "{\"n\":1}", WebPubSubContentType.APPLICATION_JSON);
        try (WsClient back = WsClient.reliable(recoveryUrl(url, connected))) {
            JsonObject missed = back.nextMatching(m -> "message".equals(m.getString("type", "")));
            assertEquals(1, missed.getJsonObject("data").getInt("n"), "recovered with what it missed");
            back.closeWith(1000, "done");
            assertEquals(connectionId, upstream.next(hub, "disconnected").header("ce-connectionId"));
        }
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
