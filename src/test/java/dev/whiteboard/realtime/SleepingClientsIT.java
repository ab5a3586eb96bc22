package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.hub.session.ClientSessions;
import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonArray;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * People whose device sleeps (a laptop lid closed, a network that went away without a word): the hub's keep-alive
 * notices, and the board's presence list drops them once their connection is over, on the reliable subprotocol (as
 * the page speaks it) after its recovery window.
 */
@ExtendWith(AppServer.class)
class SleepingClientsIT {

    private final Http alice = Http.as(AppServer.baseUri(), "alice");

    @Test
    void aReliableClientThatVanishesLeavesThePresenceListOnceItsRecoveryWindowIsOver() {
        String board =
                alice.postJson("api/boards", "{\"title\":\"Sleepers\"}").json().getString("id");
        int port = AppServer.baseUri().getPort();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", port)) {
            String url = Http.as(AppServer.baseUri(), "bob")
                    .get("api/negotiate?board=" + board)
                    .json()
                    .getString("url")
                    .replace(":" + port + "/", ":" + proxy.port() + "/");
            try (WsClient bob = WsClient.reliable(url)) {
                assertEquals("connected", bob.next().getString("event"));
                Eventually.until(
                        "bob present",
                        Duration.ofSeconds(10),
                        () -> present(board).contains("bob"));

                proxy.freeze(); // bob's laptop sleeps: nothing passes any more, nothing is closed
                Eventually.until(
                        "the hub gave up on bob's socket",
                        Duration.ofSeconds(3L * SharedServer.KEEP_ALIVE_SECONDS + 5),
                        () -> proxy.webSocketsClosedByTarget() == 1);
                assertTrue(present(board).contains("bob"), "bob may still come back with his reconnection token");
                Eventually.until(
                        "bob gone from the presence list",
                        Duration.ofSeconds(ClientSessions.RECOVERY_SECONDS + 3L * SharedServer.KEEP_ALIVE_SECONDS + 15),
                        () -> !present(board).contains("bob"));
            }
        }
    }

    private Set<String> present(String board) {
        JsonArray people = alice.get("api/boards/" + board + "/presence").array();
        return people.stream().map(p -> p.asJsonObject().getString("user")).collect(Collectors.toSet());
    }
}
