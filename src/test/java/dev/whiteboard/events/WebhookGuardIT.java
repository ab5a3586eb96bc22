package dev.whiteboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.WebhookCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20 item 2: webhook calls cannot be forged from one captured request. Each attack is a call an attacker who
 * captured the built-in hub's {@code ce-signature} (and, where said, its token) would make; each fails and stores
 * nothing, while the hub's own calls (drawing end to end) go through. The app server takes webhook calls only from
 * 127.0.0.1 and ::1 ({@link AppServer}), so a call from 127.0.0.2 stands for one from elsewhere.
 */
@ExtendWith(AppServer.class)
class WebhookGuardIT {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final URI base = AppServer.baseUri();
    private final Http alice = Http.as(base, "alice");
    private final Http anonymous = Http.anonymous(base);

    @Test
    void drawingOverTheBuiltInHubStillWorks() {
        String board = newBoard("Guarded drawing");
        try (BoardClient a = BoardClient.join(base, "alice", board);
                BoardClient b = BoardClient.join(base, "bob", board)) {
            assertTrue(a.draw("a1").getBoolean("ok"));
            assertTrue(b.draw("b1").getBoolean("ok"));
            assertTrue(a.draw("a2").getBoolean("ok"));
            assertEquals(3, version(board), "every shape of the hub's calls is stored");
        }
    }

    @Test
    void aCapturedSignatureCannotSpeakForAnotherUser() {
        String board = newBoard("Impersonation");
        try (BoardClient a = BoardClient.join(base, "alice", board)) {
            String connection = a.connectionId();
            Http.Reply asBob = call(connection, "bob", put(board, "evil1"));
            assertEquals(403, asBob.status(), asBob::toString);
            assertEquals("forbidden", asBob.json().getString("error"));
            assertEquals("ce-userId", asBob.json().getString("field"));
            Http.Reply asNobody = call(connection, null, put(board, "evil2"));
            assertEquals(403, asNobody.status(), asNobody::toString);
            assertEquals(0, version(board), "nothing stored");

            Http.Reply asAlice = call(connection, "alice", put(board, "hers"));
            assertEquals(200, asAlice.status(), asAlice::toString);
            assertTrue(asAlice.json().getBoolean("ok"), "the connection's own user is taken");
            assertTrue(a.draw("a1").getBoolean("ok"), "and the connection goes on");
        }
    }

    @Test
    void eventsForConnectionsNeverConnectedOrEndedAreRefused() {
        String board = newBoard("Ghosts");
        Http.Reply never = call("never-connected-" + IDS.incrementAndGet(), "alice", put(board, "ghost"));
        assertEquals(403, never.status(), never::toString);
        assertEquals("ce-connectionId", never.json().getString("field"));
        String ghost = "never-connected-" + IDS.incrementAndGet();
        Http.Reply neverConnected = anonymous.send(WebhookCalls.systemEvent(
                anonymous, ghost, "alice", "1", WebhookCalls.token(base, ghost + " 1"), "connected", "{}"));
        assertEquals(403, neverConnected.status(), neverConnected::toString);

        String connection;
        try (BoardClient a = BoardClient.join(base, "alice", board)) {
            connection = a.connectionId();
            Http.Reply open = call(connection, "alice", "noSuchEvent", "{}");
            assertEquals(200, open.status(), "an open connection's events are taken: " + open);
        }
        // the hub reports the end to the webhook on its own time: wait for it
        long deadline = System.nanoTime() + 30_000_000_000L;
        Http.Reply ended = call(connection, "alice", "noSuchEvent", "{}");
        while (ended.status() == 200 && System.nanoTime() < deadline) {
            sleep();
            ended = call(connection, "alice", "noSuchEvent", "{}");
        }
        assertEquals(403, ended.status(), ended::toString);
        Http.Reply afterEnd = call(connection, "alice", put(board, "late"));
        assertEquals(403, afterEnd.status(), afterEnd::toString);
        Http.Reply reconnect = anonymous.send(WebhookCalls.systemEvent(
                anonymous,
                connection,
                "alice",
                "r" + IDS.incrementAndGet(),
                WebhookCalls.token(base, connection + " r" + IDS.get()),
                "connect",
                "{\"query\":{\"board\":[\"" + board + "\"]}}"));
        assertEquals(403, reconnect.status(), "a forged connect cannot bring the connection back: " + reconnect);
        Http.Reply asSomeoneElse = anonymous.send(WebhookCalls.systemEvent(
                anonymous,
                connection,
                "mallory",
                "r" + IDS.incrementAndGet(),
                WebhookCalls.token(base, connection + " r" + IDS.get()),
                "connect",
                "{\"query\":{\"board\":[\"" + board + "\"]}}"));
        assertEquals(403, asSomeoneElse.status(), asSomeoneElse::toString);
        assertEquals(0, version(board), "nothing stored");
    }

    @Test
    void aReplayedEventIdIsRefused() {
        String board = newBoard("Replay");
        try (BoardClient a = BoardClient.join(base, "alice", board)) {
            String eventId = "replay-" + IDS.incrementAndGet();
            Function<String, Http.Reply> putWithTheSameId = shape -> anonymous.send(WebhookCalls.userEvent(
                    anonymous,
                    a.connectionId(),
                    "alice",
                    eventId,
                    WebhookCalls.token(base, a.connectionId() + " " + eventId),
                    "changeShapes",
                    put(board, shape)));
            Http.Reply first = putWithTheSameId.apply("once");
            assertEquals(200, first.status(), first::toString);
            Http.Reply again = putWithTheSameId.apply("twice");
            assertEquals(403, again.status(), again::toString);
            assertEquals("ce-id", again.json().getString("field"));
            assertEquals(1, version(board), "only the first is stored");
            assertTrue(a.draw("next").getBoolean("ok"), "the hub's own next events go on");
        }
    }

    @Test
    void callsWithoutAValidTokenAreRefused() {
        String board = newBoard("Tokens");
        try (BoardClient a = BoardClient.join(base, "alice", board)) {
            String connection = a.connectionId();
            String root = base.toString().replaceAll("/+$", "");
            List<Function<String, String>> refused = List.of(
                    event -> null,
                    event -> WebhookCalls.token(
                            base,
                            event,
                            c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))),
                    event -> WebhookCalls.token(base, event, c -> c.audience(root + "/elsewhere")),
                    event ->
                            WebhookCalls.token(base, event, c -> c.audience("http://another-app.example/eventhandler")),
                    event -> WebhookCalls.token(base, event, c -> c.issuer("http://evil.example")),
                    event -> WebhookCalls.token(base, connection + " another-event"),
                    event -> "not-a-token");
            for (Function<String, String> tokenFor : refused) {
                String eventId = "t" + IDS.incrementAndGet();
                String token = tokenFor.apply(connection + " " + eventId);
                Http.Reply reply = anonymous.send(WebhookCalls.userEvent(
                        anonymous, connection, "alice", eventId, token, "changeShapes", put(board, eventId)));
                assertEquals(401, reply.status(), token + ": " + reply);
                assertEquals("Authorization", reply.json().getString("field"));
            }
            assertEquals(0, version(board), "nothing stored");
        }
    }

    @Test
    void callsFromOtherAddressesAreRefused() throws IOException {
        String board = newBoard("Sources");
        try (BoardClient a = BoardClient.join(base, "alice", board)) {
            String body = put(board, "far");
            String eventId = "s" + IDS.incrementAndGet();
            String post = "POST /eventhandler HTTP/1.1\r\n"
                    + "Host: localhost:" + base.getPort() + "\r\n"
                    + "Connection: close\r\n"
                    + "Content-Type: application/json\r\n"
                    + "ce-specversion: 1.0\r\n"
                    + "ce-id: " + eventId + "\r\n"
                    + "ce-source: /hubs/whiteboard/client/" + a.connectionId() + "\r\n"
                    + "ce-type: azure.webpubsub.user.changeShapes\r\n"
                    + "ce-hub: whiteboard\r\n"
                    + "ce-connectionId: " + a.connectionId() + "\r\n"
                    + "ce-userId: alice\r\n"
                    + "ce-signature: " + WebhookCalls.signature(a.connectionId()) + "\r\n"
                    + "Authorization: Bearer " + WebhookCalls.token(base, a.connectionId() + " " + eventId) + "\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                    + body;
            assertEquals(403, statusFrom("127.0.0.2", post));
            String options = "OPTIONS /eventhandler HTTP/1.1\r\nHost: localhost:" + base.getPort()
                    + "\r\nConnection: close\r\nWebHook-Request-Origin: localhost\r\n\r\n";
            assertEquals(403, statusFrom("127.0.0.2", options));
            assertEquals(200, statusFrom("127.0.0.1", options), "the allowed address is served");
            assertEquals(0, version(board), "nothing stored");
        }
    }

    /** Sends a raw HTTP request from a local address (Linux routes all of 127/8 to the loopback); its status. */
    private int statusFrom(String localAddress, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            return Integer.parseInt(parts[1]);
        }
    }

    private Http.Reply call(String connection, String user, String body) {
        return call(connection, user, "changeShapes", body);
    }

    private Http.Reply call(String connection, String user, String event, String body) {
        String eventId = "a" + IDS.incrementAndGet();
        return anonymous.send(WebhookCalls.userEvent(
                anonymous,
                connection,
                user,
                eventId,
                WebhookCalls.token(base, connection + " " + eventId),
                event,
                body));
    }

    private static String put(String board, String shapeId) {
        return "{\"board\":\"" + board + "\",\"requestId\":\"" + shapeId + "\",\"put\":[" + BoardClient.pen(shapeId)
                + "]}";
    }

    private String newBoard(String title) {
        Http.Reply created = alice.postJson("api/boards", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private int version(String board) {
        return alice.get("api/boards/" + board + "/diagram").json().getInt("version");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
