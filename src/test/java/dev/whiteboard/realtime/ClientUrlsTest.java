package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.runtime.PublicAddress;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Client access URLs moved to where browsers reach the service, and the gateway settings that say where. */
class ClientUrlsTest {

    @Test
    void theBuiltInHubIsReachedWhereTheCallerReachedTheApp() {
        assertEquals(
                URI.create("ws://10.0.0.5:8080/client/hubs/whiteboard?access_token=t&board=b"),
                ClientUrls.rebase(
                        URI.create("ws://localhost:8080/client/hubs/whiteboard?access_token=t&board=b"),
                        URI.create("http://localhost"),
                        URI.create("http://10.0.0.5:8080/")));
    }

    @Test
    void aGatewayPathPrefixReplacesTheAppsContextPathAndTlsMeansWss() {
        assertEquals(
                URI.create("wss://gw.example.com/boards/client/hubs/whiteboard?access_token=t"),
                ClientUrls.rebase(
                        URI.create("ws://localhost:8080/wb/client/hubs/whiteboard?access_token=t"),
                        URI.create("http://localhost/wb"),
                        URI.create("https://gw.example.com/boards/")));
        assertEquals(
                URI.create("wss://gw.example.com:8443/client/hubs/whiteboard?access_token=t"),
                ClientUrls.rebase(
                        URI.create("ws://localhost:8080/wb/client/hubs/whiteboard?access_token=t"),
                        URI.create("http://localhost/wb/"),
                        URI.create("https://gw.example.com:8443")));
    }

    @Test
    void azureBehindAGatewayKeepsTheTokenAndThePath() {
        assertEquals(
                URI.create("wss://realtime.example.com/client/hubs/whiteboard?access_token=a.b.c"),
                ClientUrls.rebase(
                        URI.create("wss://contoso.webpubsub.azure.com/client/hubs/whiteboard?access_token=a.b.c"),
                        URI.create("https://contoso.webpubsub.azure.com"),
                        URI.create("wss://realtime.example.com")));
    }

    @Test
    void gatewayUrlsMustBeAbsoluteHttpOrWebSocketUrlsWithoutQuery() {
        assertEquals(Optional.empty(), PublicAddress.absolute("p", Optional.of("  ")));
        assertEquals(
                Optional.of(URI.create("https://gw.example.com/")),
                PublicAddress.absolute("p", Optional.of("https://gw.example.com/")));
        for (String wrong :
                new String[] {"gw.example.com", "ftp://gw.example.com/", "https://gw.example.com/?x=1", "https:///path"
                }) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> PublicAddress.absolute("whiteboard.public-url", Optional.of(wrong)),
                    wrong);
            assertTrue(e.getMessage().startsWith("whiteboard.public-url must be an absolute"), e.getMessage());
        }
    }
}
