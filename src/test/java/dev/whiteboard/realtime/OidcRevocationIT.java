package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.OidcProvider;
import dev.whiteboard.testing.Stack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Revocation through the identity provider's groups (issue 20, items 1 and 7), on private boards signed in with
 * OpenID Connect: a grant to {@code group:design} lowered or taken back reaches the open connections of the group's
 * members; bob leaving the group at the provider reaches his open connection as soon as the provider next vouches
 * for him here; and users the provider has not shown yet may be granted a role.
 */
class OidcRevocationIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final Stack stack = Stack.create()
            .withProvider()
            .withServer("oidc-revocation", server -> server.withEnvironment("WHITEBOARD_BOARDS_DEFAULT_ROLE", "none"));

    private final AtomicInteger sequence = new AtomicInteger();

    private Http carol() {
        return Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("carol"));
    }

    private Http bob() {
        return Http.withBearer(stack.server().baseUri(), stack.provider().accessToken("bob"));
    }

    private String boardForDesign(Http carol, String role) {
        String board = carol.postJson("api/boards", "{\"title\":\"For design\"}")
                .json()
                .getString("id");
        Http.Reply granted = carol.putJson(
                "api/boards/" + board + "/members/group:" + OidcProvider.DESIGN, "{\"role\":\"" + role + "\"}");
        assertEquals(200, granted.status(), granted::toString);
        return board;
    }

    private JsonObject stroke(BoardClient client, String board) {
        int n = sequence.incrementAndGet();
        client.socket()
                .send("{\"type\":\"sendToGroup\",\"group\":\"board." + board + "\",\"ackId\":" + n
                        + ",\"noEcho\":true,\"data\":{\"n\":" + n + "}}");
        return client.socket().nextMatching(m -> "ack".equals(m.getString("type", "")) && m.getInt("ackId") == n);
    }

    private static void assertClosedAsRevoked(BoardClient client) {
        JsonObject disconnected = client.socket()
                .nextMatching(m ->
                        "system".equals(m.getString("type", "")) && "disconnected".equals(m.getString("event", "")));
        assertTrue(disconnected.getString("message").contains("revoked"), disconnected::toString);
        assertEquals(1000, client.socket().awaitClose());
    }

    @Test
    void aGroupGrantLoweredOrTakenBackReachesTheGroupsOpenConnections() {
        Http carol = carol();
        String board = boardForDesign(carol, "editor");
        try (BoardClient bob = BoardClient.join(bob(), "bob", board)) {
            assertTrue(stroke(bob, board).getBoolean("success"), "an editor through the group draws live");

            carol.putJson("api/boards/" + board + "/members/group:" + OidcProvider.DESIGN, "{\"role\":\"viewer\"}");
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonObject ack = stroke(bob, board);
            while (ack.getBoolean("success")) {
                assertTrue(System.nanoTime() < deadline, "live strokes still accepted after the group was lowered");
                LockSupport.parkNanos(50_000_000); // within the hub's frame budget (a flood is closed with 1008)
                ack = stroke(bob, board);
            }
            assertEquals("Forbidden", ack.getJsonObject("error").getString("name"), ack::toString);

            assertEquals(
                    204,
                    carol.delete("api/boards/" + board + "/members/group:" + OidcProvider.DESIGN)
                            .status());
            assertClosedAsRevoked(bob);
            assertEquals(403, bob().get("api/negotiate?board=" + board).status());
        }
    }

    @Test
    void someoneWhoLeftTheGroupAtTheProviderIsClosedWhenTheProviderNextVouchesForHim() {
        String board = boardForDesign(carol(), "viewer");
        try (BoardClient bob = BoardClient.join(bob(), "bob", board)) {
            Http withoutGroups =
                    Http.withBearer(stack.server().baseUri(), stack.provider().accessToken(OidcProvider.LEFT_DESIGN));
            assertEquals(200, withoutGroups.get("api/session").status());
            assertClosedAsRevoked(bob);
            assertEquals(403, withoutGroups.get("api/negotiate?board=" + board).status());
        } finally {
            assertEquals(200, bob().get("api/session").status(), "bob is in the group again for the other tests");
        }
    }

    @Test
    void onePersonsRoleCountsTheirGroupsGrant() {
        Http carol = carol();
        String board = boardForDesign(carol, "owner");
        JsonObject bob = carol.get("api/boards/" + board + "/members/bob").json();
        assertEquals("owner", bob.getString("role"), "an owner through group:design (bring everyone trusts this)");
        assertEquals(
                "owner",
                bob().get("api/boards/" + board + "/members/carol").json().getString("role"),
                "the creator, asked by a member");
        Http.Reply nobody = carol.get("api/boards/" + board + "/members/" + OidcProvider.LEFT_DESIGN + "x");
        assertEquals(404, nobody.status(), nobody::toString);
        assertEquals("user", nobody.json().getString("field"), nobody::toString);
    }

    @Test
    void usersTheProviderHasNotShownYetMayBeGranted() {
        Http carol = carol();
        String board = carol.postJson("api/boards", "{\"title\":\"For a newcomer\"}")
                .json()
                .getString("id");
        Http.Reply granted = carol.putJson("api/boards/" + board + "/members/newcomer", "{\"role\":\"editor\"}");
        assertEquals(200, granted.status(), granted::toString);
        Http.Reply malformed = carol.putJson("api/boards/" + board + "/members/bad%20name", "{\"role\":\"editor\"}");
        assertEquals(400, malformed.status(), malformed::toString);
    }
}
