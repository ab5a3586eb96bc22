package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.ChatClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revoking a role reaches connections that are already open (issue 20, item 1): lowered to viewer, a connection
 * can no longer publish live strokes but still receives; removed from a private board, it is closed with a reason,
 * cannot be recovered with its reconnection token and cannot connect again; a deleted room stops reaching its
 * former members. And grants name existing users (item 7). Boards are private here ({@code default-role=none}), so
 * taking a grant back leaves no role at all.
 */
class RevocationIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(700);

    private static TestServer server;
    private static URI base;

    private final Http alice = Http.as(base, "alice");
    private final AtomicInteger sequence = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = TestServer.onOwnDatabase("revocation")
                .withEnvironment("WHITEBOARD_BOARDS_DEFAULT_ROLE", "none")
                .startFresh();
        base = server.baseUri();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private String board(String title) {
        Http.Reply created = alice.postJson("api/boards", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private void grant(String board, String user, String role) {
        Http.Reply granted = alice.putJson("api/boards/" + board + "/members/" + user, "{\"role\":\"" + role + "\"}");
        assertEquals(200, granted.status(), granted::toString);
    }

    /** A live stroke to the board's group; returns its ack. */
    private JsonObject stroke(BoardClient client, String board, int n) {
        client.socket()
                .send("{\"type\":\"sendToGroup\",\"group\":\"board." + board + "\",\"ackId\":" + n
                        + ",\"noEcho\":true,\"dataType\":\"json\",\"data\":{\"type\":\"stroke\",\"n\":" + n + "}}");
        return client.socket().nextMatching(m -> "ack".equals(m.getString("type", "")) && m.getInt("ackId") == n);
    }

    private static boolean isStroke(JsonObject m, int n) {
        return BoardClient.isPeerMessage(m)
                && m.get("data") instanceof JsonObject d
                && "stroke".equals(d.getString("type", ""))
                && d.getInt("n") == n;
    }

    /** Sends live strokes until one is refused (the revocation took effect); returns the refused one's number. */
    private int strokeUntilRefused(BoardClient client, String board) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int n = sequence.incrementAndGet();
            JsonObject ack = stroke(client, board, n);
            if (!ack.getBoolean("success")) {
                assertEquals("Forbidden", ack.getJsonObject("error").getString("name"), ack::toString);
                return n;
            }
            pause(); // within the hub's frame budget (a flood is closed with 1008)
        }
        throw new AssertionError("live strokes were still accepted after " + WAIT);
    }

    /** Sends live strokes until one is accepted again; returns its number. */
    private int strokeUntilAccepted(BoardClient client, String board) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int n = sequence.incrementAndGet();
            if (stroke(client, board, n).getBoolean("success")) {
                return n;
            }
            pause(); // within the hub's frame budget (a flood is closed with 1008)
        }
        throw new AssertionError("live strokes were still refused after " + WAIT);
    }

    @Test
    void anEditorLoweredToViewerCanNoLongerSendLiveStrokesButStillReceives() {
        String board = board("Lowered");
        grant(board, "bob", "editor");
        try (BoardClient owner = BoardClient.join(base, "alice", board);
                BoardClient bob = BoardClient.join(base, "bob", board)) {
            int before = sequence.incrementAndGet();
            assertTrue(stroke(bob, board, before).getBoolean("success"));
            owner.socket().nextMatching(m -> isStroke(m, before));

            grant(board, "bob", "viewer");
            int refused = strokeUntilRefused(bob, board);
            owner.socket().assertNothingWithinMatching(QUIET, m -> isStroke(m, refused));

            owner.draw("after-lowering");
            assertEquals(
                    "after-lowering",
                    bob.nextFromServer("shapesChanged")
                            .getJsonArray("put")
                            .getJsonObject(0)
                            .getString("id"),
                    "a viewer still receives the board's changes");

            grant(board, "bob", "editor");
            int again = strokeUntilAccepted(bob, board);
            owner.socket().nextMatching(m -> isStroke(m, again));
        }
    }

    @Test
    void aViewersRevokedPermissionStaysRevokedAfterRecovery() {
        String board = board("Lowered then recovered");
        grant(board, "bob", "editor");
        String url =
                Http.as(base, "bob").get("api/negotiate?board=" + board).json().getString("url");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", base.getPort());
                BoardClient owner = BoardClient.join(base, "alice", board)) {
            WsClient first = WsClient.reliable(url.replace(":" + base.getPort() + "/", ":" + proxy.port() + "/"));
            JsonObject connected = first.next();
            String connectionId = connected.getString("connectionId");
            String token = connected.getString("reconnectionToken");
            grant(board, "bob", "viewer");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (reliableStroke(first, board).getBoolean("success")) {
                assertTrue(System.nanoTime() < deadline, "live strokes still accepted after lowering");
                pause(); // within the hub's frame budget: a flood is closed with 1008 and could not be recovered
            }

            proxy.cut();
            first.close();
            try (WsClient back = WsClient.reliable(url + "&awps_connection_id=" + connectionId
                    + "&awps_reconnection_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))) {
                JsonObject ack = reliableStroke(back, board);
                assertEquals("Forbidden", ack.getJsonObject("error").getString("name"), ack::toString);
                owner.draw("after-recovery");
                back.nextMatching(m -> m.get("data") instanceof JsonObject d
                        && "shapesChanged".equals(d.getString("type", ""))); // recovered: it still receives
            }
        }
    }

    @Test
    void aReliableConnectionWaitingForRecoveryWhenRemovedCannotComeBack() {
        String board = board("Removed while away");
        grant(board, "bob", "editor");
        String url =
                Http.as(base, "bob").get("api/negotiate?board=" + board).json().getString("url");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", base.getPort());
                BoardClient owner = BoardClient.join(base, "alice", board)) {
            WsClient first = WsClient.reliable(url.replace(":" + base.getPort() + "/", ":" + proxy.port() + "/"));
            JsonObject connected = first.next();
            String connectionId = connected.getString("connectionId");
            String token = connected.getString("reconnectionToken");
            assertEquals("result", owner.draw("before").getString("type"));
            first.nextMatching(
                    m -> m.get("data") instanceof JsonObject d && "shapesChanged".equals(d.getString("type", "")));
            proxy.cut();
            first.close();

            assertEquals(
                    204, alice.delete("api/boards/" + board + "/members/bob").status());
            var hub = server.hubClient("whiteboard");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (hub.connectionExistsWithResponse(connectionId, null).getValue()) {
                assertTrue(System.nanoTime() < deadline, "the connection still waits for its client");
                pause();
            }
            try (WsClient back = WsClient.reliable(url + "&awps_connection_id=" + connectionId
                    + "&awps_reconnection_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))) {
                assertEquals(1008, back.awaitClose(), "a connection the server closed is not recovered");
            }
        }
    }

    private JsonObject reliableStroke(WsClient client, String board) {
        int n = sequence.incrementAndGet();
        client.send("{\"type\":\"sendToGroup\",\"group\":\"board." + board + "\",\"ackId\":" + n
                + ",\"noEcho\":true,\"data\":{\"n\":" + n + "}}");
        return client.nextMatching(m -> "ack".equals(m.getString("type", "")) && m.getInt("ackId") == n);
    }

    @Test
    void anEditorWhoStaysEditorKeepsDrawingWhileOthersAreLowered() {
        String board = board("Stays");
        grant(board, "bob", "editor");
        grant(board, "carol", "editor");
        try (BoardClient owner = BoardClient.join(base, "alice", board);
                BoardClient bob = BoardClient.join(base, "bob", board);
                BoardClient carol = BoardClient.join(base, "carol", board)) {
            grant(board, "carol", "viewer");
            strokeUntilRefused(carol, board);

            int n = sequence.incrementAndGet();
            assertTrue(stroke(bob, board, n).getBoolean("success"), "bob's role did not change");
            owner.socket().nextMatching(m -> isStroke(m, n));
            assertEquals("result", bob.draw("bob-still-draws").getString("type"));
        }
    }

    @Test
    void someoneRemovedFromAPrivateBoardIsClosedWithTheReasonAndCannotComeBack() {
        String board = board("Removed");
        grant(board, "bob", "editor");
        Http bobHttp = Http.as(base, "bob");
        try (BoardClient owner = BoardClient.join(base, "alice", board)) {
            String url = bobHttp.get("api/negotiate?board=" + board).json().getString("url");
            WsClient bob = WsClient.reliable(url);
            JsonObject connected = bob.next();
            String connectionId = connected.getString("connectionId");
            String token = connected.getString("reconnectionToken");
            owner.socket()
                    .nextMatching(m -> BoardClient.isServerMessage(m, "presence")
                            && "bob".equals(m.getJsonObject("data").getString("joined", "")));

            assertEquals(
                    204, alice.delete("api/boards/" + board + "/members/bob").status());

            JsonObject disconnected = bob.nextMatching(
                    m -> "system".equals(m.getString("type", "")) && "disconnected".equals(m.getString("event", "")));
            assertTrue(
                    disconnected.getString("message").contains("revoked"),
                    disconnected::toString); // the reason is told
            assertEquals(1000, bob.awaitClose());
            owner.socket()
                    .nextMatching(m -> BoardClient.isServerMessage(m, "presence")
                            && "bob".equals(m.getJsonObject("data").getString("left", "")));
            assertTrue(
                    alice.get("api/boards/" + board + "/presence").array().stream()
                            .noneMatch(p -> "bob".equals(p.asJsonObject().getString("user"))),
                    "presence dropped him");

            try (WsClient recovery = WsClient.reliable(url + "&awps_connection_id=" + connectionId
                    + "&awps_reconnection_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))) {
                assertEquals(1008, recovery.awaitClose(), "the old reconnection token no longer works");
            }
            Http.Reply negotiated = bobHttp.get("api/negotiate?board=" + board);
            assertEquals(403, negotiated.status(), negotiated::toString);
            assertEquals(403, bobHttp.get("api/boards/" + board + "/diagram").status());
        }
    }

    @Test
    void aDeletedRoomNoLongerReachesItsFormerMembers() {
        Http bobHttp = Http.as(base, "bob");
        Http.Reply created = alice.postJson("api/chat/rooms", "{\"name\":\"Soon gone " + System.nanoTime() + "\"}");
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(
                200, bobHttp.putJson("api/chat/rooms/" + id + "/members/me", "").status());
        String group = "room." + id;
        WebPubSubServiceClient hub = server.hubClient("whiteboard");
        try (ChatClient bob = ChatClient.inLobby(base, "bob")) {
            hub.sendToGroup(group, "{\"type\":\"probe\",\"n\":1}", WebPubSubContentType.APPLICATION_JSON);
            bob.connection().socket().nextMatching(m -> isProbe(m, 1));

            assertEquals(204, alice.delete("api/chat/rooms/" + id).status());
            bob.next("roomDeleted");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (hub.groupExistsWithResponse(group, null).getValue()) {
                assertTrue(System.nanoTime() < deadline, "the room's group still has connections");
                pause();
            }
            hub.sendToGroup(group, "{\"type\":\"probe\",\"n\":2}", WebPubSubContentType.APPLICATION_JSON);
            bob.connection().socket().assertNothingWithinMatching(QUIET, m -> isProbe(m, 2));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean isProbe(JsonObject m, int n) {
        return m.get("data") instanceof JsonObject d && "probe".equals(d.getString("type", "")) && d.getInt("n") == n;
    }

    @Test
    void rolesGoToExistingUsersAndGroupsOnly() {
        String board = board("Grantees");
        Http.Reply unknown = alice.putJson("api/boards/" + board + "/members/nobody-here", "{\"role\":\"editor\"}");
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("user", unknown.json().getString("field"), unknown::toString);
        assertTrue(alice.get("api/boards/" + board + "/members").array().stream()
                .noneMatch(m -> "nobody-here".equals(m.asJsonObject().getString("user"))));

        grant(board, "dave", "viewer");
        grant(board, "group:design", "editor");
        assertEquals(
                "viewer",
                Http.as(base, "dave").get("api/boards/" + board).json().getString("role"));
    }
}
