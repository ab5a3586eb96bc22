package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app deployed under a context path, as on a shared application server: the official SDK, given an
 * {@code Endpoint} with that path, issues client URLs and makes REST calls that the hub accepts.
 */
class HubUnderContextPathIT {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.onConfiguredDatabase("context-path")
                .withContextRoot("/wb")
                .startFresh();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theSdkWorksWithAnEndpointThatHasAPath() {
        WebPubSubServiceClient sdk = server.hubClient("sketches");
        String url = sdk.getClientAccessToken(
                        new GetClientAccessTokenOptions().setUserId("carla").addGroup("board-1"))
                .getUrl();
        assertTrue(url.startsWith("ws://localhost:" + server.baseUri().getPort() + "/wb/client/hubs/sketches?"), url);
        try (WsClient client = WsClient.json(url)) {
            assertEquals("carla", client.next().getString("userId"));
            assertTrue(sdk.groupExistsWithResponse("board-1", null).getValue());
            sdk.sendToGroup("board-1", "{\"via\":\"/wb\"}", WebPubSubContentType.APPLICATION_JSON);
            JsonObject message = client.next();
            assertEquals("/wb", message.getJsonObject("data").getString("via"));
        }
        String appHub = server.hubClient("whiteboard")
                .getClientAccessToken(new GetClientAccessTokenOptions().setUserId("alice"))
                .getUrl();
        assertEquals(
                400,
                WsClient.refusedStatus(appHub, "json.webpubsub.azure.v1"),
                "the app's own hub calls the app's webhook under the context path, which wants a board");
        assertEquals(200, new Http(server.baseUri()).get("api/health").status());
        assertEquals(
                404, new Http(server.baseUri().resolve("/")).get("api/health").status(), "nothing at the root");
    }
}
