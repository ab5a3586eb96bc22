package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.WebhookCalls;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server half over the built-in hub, as the product runs by default: negotiate, the hub's connect to this app's
 * webhook, board events stored and announced, late joiners, viewers, presence, and the webhook's own guards.
 */
@ExtendWith(AppServer.class)
class RealtimeBoardIT {

    private final Http alice = Http.as(AppServer.baseUri(), "alice");

    private String newBoard(String title) {
        Http.Reply created = alice.postJson("api/boards", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    @Test
    void twoPeopleDrawAndALateJoinerSeesEverything() {
        String board = newBoard("Two draw");
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board);
                BoardClient b = BoardClient.join(AppServer.baseUri(), "bob", board)) {
            assertEquals("editor", b.negotiated().getString("role"));
            assertEquals("bob", b.negotiated().getString("userId"));

            JsonObject first = a.draw("a1");
            assertTrue(first.getBoolean("ok"), first::toString);
            assertEquals(1, first.getJsonNumber("version").longValue());
            JsonObject seenByBob = b.nextFromServer("shapesChanged");
            assertEquals(0, seenByBob.getInt("fromVersion"));
            assertEquals(1, seenByBob.getInt("version"));
            assertEquals("alice", seenByBob.getString("by"));
            assertEquals("a1", seenByBob.getJsonArray("put").getJsonObject(0).getString("id"));
            assertEquals(1, a.nextFromServer("shapesChanged").getInt("version"), "the drawer hears it too");

            JsonObject batch = b.send(
                    "changeShapes",
                    "\"put\":[" + BoardClient.pen("b1") + "," + BoardClient.pen("b2") + "],\"remove\":[\"a1\"]");
            assertTrue(batch.getBoolean("ok"), batch::toString);
            assertEquals(4, batch.getJsonNumber("version").longValue(), "one version per change in the batch");
            JsonObject seenByAlice = a.nextFromServer("shapesChanged");
            assertEquals(1, seenByAlice.getInt("fromVersion"));
            assertEquals(4, seenByAlice.getInt("version"));
            assertEquals("a1", seenByAlice.getJsonArray("removed").getString(0));

            JsonObject replay = b.send("changeShapes", "\"put\":[" + BoardClient.pen("b1") + "]");
            assertTrue(replay.getBoolean("ok"));
            assertEquals(4, replay.getJsonNumber("version").longValue(), "a replay changes nothing");

            try (BoardClient late = BoardClient.join(AppServer.baseUri(), "carol", board)) {
                JsonObject diagram =
                        late.http().get("api/boards/" + board + "/diagram").json();
                assertEquals(4, diagram.getInt("version"));
                assertEquals(Set.of("b1", "b2"), ids(diagram.getJsonArray("shapes")));
                JsonObject presence = late.nextFromServer("presence");
                assertEquals(Set.of("alice", "bob", "carol"), users(presence.getJsonArray("people")));

                a.draw("a2");
                JsonObject live = late.nextFromServer("shapesChanged");
                assertEquals(4, live.getInt("fromVersion"), "the late joiner continues from its snapshot");
            }
        }
    }

    @Test
    void aRecoveredConnectionCatchesUpOnWhatItMissedWithoutReloading() throws Exception {
        String board = newBoard("Recovered");
        int port = AppServer.baseUri().getPort();
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board);
                TcpProxy proxy = new TcpProxy("127.0.0.1", port)) {
            String url = Http.as(AppServer.baseUri(), "bob")
                    .get("api/negotiate?board=" + board)
                    .json()
                    .getString("url");
            WsClient first = WsClient.reliable(url.replace(":" + port + "/", ":" + proxy.port() + "/"));
            JsonObject connected = first.next();
            a.draw("x1");
            assertEquals(
                    1,
                    first.nextMatching(m -> BoardClient.isServerMessage(m, "shapesChanged"))
                            .getJsonObject("data")
                            .getInt("version"));

            proxy.cut();
            first.close();
            a.draw("x2");
            a.draw("x3");

            try (WsClient back = WsClient.reliable(url + "&awps_connection_id=" + connected.getString("connectionId")
                    + "&awps_reconnection_token="
                    + URLEncoder.encode(connected.getString("reconnectionToken"), StandardCharsets.UTF_8))) {
                long seen = 1;
                while (seen < 3) {
                    JsonObject change = back.nextMatching(m -> BoardClient.isServerMessage(m, "shapesChanged"))
                            .getJsonObject("data");
                    if (change.getInt("version") <= seen) {
                        continue; // replayed, already applied: ignored by its version
                    }
                    assertEquals(seen, change.getInt("fromVersion"), "no gap: the missed changes come in order");
                    seen = change.getInt("version");
                }
                assertEquals(3, seen);
            }
        }
    }

    @Test
    void strokesInProgressGoPeerToPeerAndViewersCanOnlyWatch() {
        String board = newBoard("Viewers");
        assertEquals(
                200,
                alice.putJson("api/boards/" + board + "/members/dave", "{\"role\":\"viewer\"}")
                        .status());
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board);
                BoardClient viewer = BoardClient.join(AppServer.baseUri(), "dave", board)) {
            String group = a.negotiated().getJsonArray("groups").getString(0);
            a.socket()
                    .send(
                            "{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"noEcho\":true,\"ackId\":90,"
                                    + "\"dataType\":\"json\",\"data\":{\"type\":\"stroke\",\"id\":\"s9\",\"points\":[1,2,3,4]}}");
            JsonObject stroke = viewer.socket().nextMatching(BoardClient::isPeerMessage);
            assertEquals("alice", stroke.getString("fromUserId"), "the hub, not the sender, says who it is from");
            assertEquals("stroke", stroke.getJsonObject("data").getString("type"));

            JsonObject refused = viewer.draw("v1");
            assertFalse(refused.getBoolean("ok"));
            assertEquals(403, refused.getJsonObject("error").getInt("status"));
            assertFalse(refused.getBoolean("retryable"));
            viewer.socket()
                    .send("{\"type\":\"sendToGroup\",\"group\":\"" + group
                            + "\",\"ackId\":7,\"dataType\":\"json\",\"data\":{}}");
            JsonObject ack =
                    viewer.socket().nextMatching(m -> "ack".equals(m.getString("type", "")) && m.getInt("ackId") == 7);
            assertFalse(ack.getBoolean("success"));
            assertEquals("Forbidden", ack.getJsonObject("error").getString("name"));
            a.socket().assertNothingWithinMatching(Duration.ofMillis(500), BoardClient::isPeerMessage);
            assertEquals(
                    0,
                    alice.get("api/boards/" + board + "/diagram")
                            .json()
                            .getJsonArray("shapes")
                            .size());

            JsonObject clear = viewer.send("clearBoard", "");
            assertEquals(403, clear.getJsonObject("error").getInt("status"));
        }
    }

    @Test
    void rejectedChangesComeBackAsResultsAndStoreNothing() {
        String board = newBoard("Rejected");
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board)) {
            JsonObject tooMany = a.send("changeShapes", "\"put\":[{\"id\":\"x\",\"kind\":\"pen\",\"points\":[1e9,0]}]");
            assertFalse(tooMany.getBoolean("ok"));
            assertEquals(400, tooMany.getJsonObject("error").getInt("status"));
            JsonObject noId = a.send("changeShapes", "\"put\":[{\"kind\":\"pen\",\"points\":[0,0]}]");
            assertEquals("put[0].id", noId.getJsonObject("error").getString("field"));
            JsonObject unknownKind =
                    a.send("changeShapes", "\"put\":[{\"id\":\"k\",\"kind\":\"blob\",\"points\":[0,0]}]");
            assertEquals(400, unknownKind.getJsonObject("error").getInt("status"));
            JsonObject empty = a.send("changeShapes", "");
            assertEquals(400, empty.getJsonObject("error").getInt("status"));
            JsonObject otherBoard = a.sendRaw(
                    "changeShapes",
                    "{\"board\":\"nosuchboard\",\"requestId\":\"r-x\",\"put\":[" + BoardClient.pen("z") + "]}",
                    "r-x");
            assertEquals(404, otherBoard.getJsonObject("error").getInt("status"));
            JsonObject wrapped =
                    a.send("changeShapes", "\"put\":[{\"id\":\"w\",\"kind\":\"pen\",\"points\":[0,0],\"z\":1e19}]");
            assertEquals(400, wrapped.getJsonObject("error").getInt("status"), wrapped::toString);
            assertEquals("put.z", wrapped.getJsonObject("error").getString("field"), wrapped::toString);
            JsonObject truncated =
                    a.send("changeShapes", "\"put\":[{\"id\":\"w\",\"kind\":\"pen\",\"points\":[0,0],\"z\":1.5}]");
            assertEquals("put.z", truncated.getJsonObject("error").getString("field"), truncated::toString);
            JsonObject halfCharacter = a.send(
                    "changeShapes", "\"put\":[{\"id\":\"t\",\"kind\":\"text\",\"points\":[0,0],\"text\":\"\\ud800\"}]");
            assertEquals("put.text", halfCharacter.getJsonObject("error").getString("field"), halfCharacter::toString);
            JsonObject unknownShapeField = a.send(
                    "changeShapes", "\"put\":[{\"id\":\"u\",\"kind\":\"pen\",\"points\":[0,0],\"colour\":\"red\"}]");
            assertEquals(400, unknownShapeField.getJsonObject("error").getInt("status"), unknownShapeField::toString);
            assertEquals(
                    "put[0].colour",
                    unknownShapeField.getJsonObject("error").getString("field"),
                    unknownShapeField::toString);
            JsonObject unknownField = a.send("changeShapes", "\"put\":[" + BoardClient.pen("u") + "],\"force\":true");
            assertEquals("force", unknownField.getJsonObject("error").getString("field"), unknownField::toString);
            JsonObject widthAsText = a.send(
                    "changeShapes", "\"put\":[{\"id\":\"u\",\"kind\":\"pen\",\"points\":[0,0],\"width\":\"2\"}]");
            assertEquals("put.width", widthAsText.getJsonObject("error").getString("field"), widthAsText::toString);
            JsonObject opacityAsText = a.send(
                    "changeShapes", "\"put\":[{\"id\":\"u\",\"kind\":\"pen\",\"points\":[0,0],\"opacity\":\"1\"}]");
            assertEquals(
                    "put.opacity", opacityAsText.getJsonObject("error").getString("field"), opacityAsText::toString);
            JsonObject pointAsText =
                    a.send("changeShapes", "\"put\":[{\"id\":\"u\",\"kind\":\"pen\",\"points\":[\"0\",0]}]");
            assertEquals("put.points", pointAsText.getJsonObject("error").getString("field"), pointAsText::toString);
            JsonObject deep = a.send("changeShapes", "\"x\":" + "[".repeat(100) + "]".repeat(100));
            assertEquals(400, deep.getJsonObject("error").getInt("status"), deep::toString);
            assertTrue(deep.getJsonObject("error").getString("message").contains("nested"), deep::toString);
            JsonObject notJson = a.sendRaw("changeShapes", "[1,2]", null);
            assertEquals(400, notJson.getJsonObject("error").getInt("status"));
            JsonObject unknownEvent = a.sendRaw("dance", "{}", null);
            assertEquals("error", unknownEvent.getString("type"));
            assertEquals(0, alice.get("api/boards/" + board + "/diagram").json().getInt("version"));

            JsonObject painted = a.send("setBackground", "\"color\":\"#FDF6E3\"");
            assertTrue(painted.getBoolean("ok"), painted::toString);
            assertEquals("#fdf6e3", a.nextFromServer("backgroundChanged").getString("backgroundColor"));
            JsonObject cleared = a.send("clearBoard", "");
            assertTrue(cleared.getBoolean("ok"), "the owner may clear");
        }
    }

    @Test
    void aChangeToAShapeSomeoneRemovedIsRefusedAndOnlyARestoreBringsItBack() {
        String board = newBoard("Removed under a move");
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board);
                BoardClient b = BoardClient.join(AppServer.baseUri(), "bob", board)) {
            assertTrue(a.draw("s").getBoolean("ok"));
            assertTrue(b.send("changeShapes", "\"remove\":[\"s\"]").getBoolean("ok"));

            String moved = "{\"id\":\"s\",\"kind\":\"pen\",\"points\":[5,5,15,15]}";
            JsonObject late = a.send("changeShapes", "\"put\":[" + moved + "]");
            assertFalse(late.getBoolean("ok"), late::toString);
            assertEquals(409, late.getJsonObject("error").getInt("status"), late::toString);
            assertEquals("restore", late.getJsonObject("error").getString("field"), late::toString);
            JsonObject diagram = alice.get("api/boards/" + board + "/diagram").json();
            assertEquals(0, diagram.getJsonArray("shapes").size(), "the removal stands: " + diagram);

            Http.Reply rest = alice.putJson("api/boards/" + board + "/shapes/s", moved);
            assertEquals(409, rest.status(), "over REST as well: " + rest);

            JsonObject undone = b.send(
                    "changeShapes",
                    "\"put\":[{\"id\":\"s\",\"kind\":\"pen\",\"points\":[0,0,10,10],\"restore\":true}]");
            assertTrue(undone.getBoolean("ok"), undone::toString);
            JsonObject back = alice.get("api/boards/" + board + "/diagram").json();
            assertEquals(1, back.getJsonArray("shapes").size(), back::toString);
            assertEquals("s", back.getJsonArray("shapes").getJsonObject(0).getString("id"));
            assertTrue(
                    a.send("changeShapes", "\"put\":[" + moved + "]").getBoolean("ok"), "a live shape: a move again");
        }
    }

    @Test
    void restChangesReachTheBoardsClientsToo() {
        String board = newBoard("REST");
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board)) {
            assertEquals(
                    201,
                    Http.as(AppServer.baseUri(), "bob")
                            .putJson("api/boards/" + board + "/shapes/r1", BoardClient.pen("r1"))
                            .status());
            JsonObject change = a.nextFromServer("shapesChanged");
            assertEquals("bob", change.getString("by"));
            assertEquals(204, alice.delete("api/boards/" + board + "/shapes/r1").status());
            assertEquals(
                    "r1",
                    a.nextFromServer("shapesChanged").getJsonArray("removed").getString(0));

            String other = newBoard("Elsewhere");
            try (BoardClient elsewhere = BoardClient.join(AppServer.baseUri(), "bob", other)) {
                assertEquals(
                        200,
                        alice.put("api/boards/" + board + "/background", "image/png", Images.encode("png"))
                                .status());
                JsonObject background = a.nextFromServer("backgroundChanged");
                assertEquals("image/png", background.getJsonObject("background").getString("contentType"));
                assertEquals(3, background.getInt("version"));
                elsewhere
                        .socket()
                        .assertNothingWithinMatching(
                                Duration.ofMillis(500), m -> BoardClient.isServerMessage(m, "backgroundChanged"));
            }
        }
    }

    @Test
    void changesInQuickSuccessionReachClientsOnceAndInOrder() {
        String board = newBoard("Quick");
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board)) {
            for (int i = 0; i < 40; i++) {
                assertEquals(
                        201,
                        alice.putJson("api/boards/" + board + "/shapes/q" + i, BoardClient.pen("q" + i))
                                .status());
            }
            long seen = 0;
            for (int i = 0; i < 40; i++) {
                JsonObject change = a.nextFromServer("shapesChanged");
                assertEquals(seen, change.getInt("fromVersion"), "in order, none twice (batched or not)");
                seen = change.getInt("version");
            }
            assertEquals(40, seen);
        }
    }

    @Test
    void presenceCountsPeopleNotConnectionsAndAnnouncesLeaves() {
        String board = newBoard("Presence");
        try (BoardClient tab1 = BoardClient.join(AppServer.baseUri(), "alice", board)) {
            assertEquals("alice", tab1.nextFromServer("presence").getString("joined"));
            BoardClient tab2 = BoardClient.join(AppServer.baseUri(), "alice", board);
            BoardClient bob = BoardClient.join(AppServer.baseUri(), "bob", board);
            JsonObject bobJoined = tab1.socket()
                    .nextMatching(m -> m.get("data") instanceof JsonObject d
                            && "presence".equals(d.getString("type", ""))
                            && "bob".equals(d.getString("joined", null)))
                    .getJsonObject("data");
            assertEquals(2, bobJoined.getJsonArray("people").size(), "two tabs of alice count once");

            tab2.close();
            bob.emit("presence", "\"state\":\"away\"");
            JsonObject away = tab1.socket()
                    .nextMatching(m -> m.get("data") instanceof JsonObject d
                            && "presence".equals(d.getString("type", ""))
                            && d.getJsonArray("people").stream()
                                    .anyMatch(
                                            p -> "away".equals(p.asJsonObject().getString("state"))))
                    .getJsonObject("data");
            assertFalse(away.containsKey("left"), "closing one of two tabs is not leaving");
            JsonArray people = Http.as(AppServer.baseUri(), "carol")
                    .get("api/boards/" + board + "/presence")
                    .array();
            assertEquals(Set.of("alice", "bob"), users(people));

            bob.close();
            JsonObject left = tab1.socket()
                    .nextMatching(m -> m.get("data") instanceof JsonObject d && "bob".equals(d.getString("left", null)))
                    .getJsonObject("data");
            assertEquals(Set.of("alice"), users(left.getJsonArray("people")));
        }
    }

    @Test
    void connectionsAreOnlyForPeopleWithARoleOnAnExistingBoard() {
        String board = newBoard("Guarded");
        String url = alice.get("api/negotiate?board=" + board).json().getString("url");
        assertEquals(
                404,
                WsClient.refusedStatus(url.replace("board=" + board, "board=nosuchboard"), "json.webpubsub.azure.v1"));
        assertEquals(400, WsClient.refusedStatus(url.replace("&board=" + board, ""), "json.webpubsub.azure.v1"));
        assertEquals(
                401,
                WsClient.refusedStatus(
                        url.replaceAll("access_token=[^&]+", "access_token=forged"), "json.webpubsub.azure.v1"));
    }

    @Test
    void theWebhookRefusesATamperedSignatureAndStoresNothing() throws Exception {
        String board = newBoard("Tampered");
        Http anonymous = Http.anonymous(AppServer.baseUri());
        String body = "{\"board\":\"" + board + "\",\"requestId\":\"t\",\"put\":[" + BoardClient.pen("evil") + "]}";
        byte[] key = TestServer.HUB_ACCESS_KEY.getBytes(StandardCharsets.UTF_8);
        Http.Reply tampered = anonymous.send(userEvent(anonymous, "conn1", "sha256=" + "0".repeat(64), body));
        assertEquals(401, tampered.status());
        Http.Reply otherConnection = anonymous.send(userEvent(anonymous, "conn1", sign(key, "conn2"), body));
        assertEquals(401, otherConnection.status());
        Http.Reply missing = anonymous.send(userEvent(anonymous, "conn1", null, body));
        assertEquals(401, missing.status());
        assertEquals(0, alice.get("api/boards/" + board + "/diagram").json().getInt("version"), "nothing stored");

        Http.Reply signedOnly = anonymous.send(userEvent(anonymous, "conn1", "sha256=abc," + sign(key, "conn1"), body));
        assertEquals(401, signedOnly.status(), "a signature alone is not enough: the hub sends a token too");
        Http.Reply unknownConnection =
                anonymous.send(userEvent(anonymous, "conn1", "sha256=abc," + sign(key, "conn1"), body)
                        .header("Authorization", "Bearer " + WebhookCalls.token(AppServer.baseUri(), "conn1 1")));
        assertEquals(403, unknownConnection.status(), "conn1 never connected (WebhookGuardIT has the rest)");
        assertEquals(0, alice.get("api/boards/" + board + "/diagram").json().getInt("version"), "nothing stored");

        Http.Reply malformed = anonymous.send(anonymous
                .request("eventhandler")
                .header("ce-signature", sign(key, "conn1"))
                .header("Authorization", "Bearer " + WebhookCalls.token(AppServer.baseUri(), "conn1 2"))
                .header("ce-id", "2")
                .header("ce-connectionId", "conn1")
                .header("ce-specversion", "1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, malformed.status());
    }

    @Test
    void theAbuseProtectionHandshakeGrantsOnlyTheServicesOrigin() {
        Http anonymous = Http.anonymous(AppServer.baseUri());
        Http.Reply ours = anonymous.send(anonymous
                .request("eventhandler")
                .header("WebHook-Request-Origin", "localhost")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, ours.status());
        assertEquals("localhost", ours.header("WebHook-Allowed-Origin"));
        Http.Reply foreign = anonymous.send(anonymous
                .request("eventhandler")
                .header("WebHook-Request-Origin", "evil.example")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, foreign.status());
        assertNull(foreign.header("WebHook-Allowed-Origin"));
    }

    private static HttpRequest.Builder userEvent(Http http, String connectionId, String signature, String body) {
        HttpRequest.Builder request = http.request("eventhandler")
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", "1")
                .header("ce-source", "/hubs/whiteboard/client/" + connectionId)
                .header("ce-type", "azure.webpubsub.user.changeShapes")
                .header("ce-hub", "whiteboard")
                .header("ce-connectionId", connectionId)
                .header("ce-userId", "alice")
                .header("ce-eventName", "changeShapes");
        if (signature != null) {
            request.header("ce-signature", signature);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String sign(byte[] key, String connectionId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
    }

    static Set<String> ids(JsonArray shapes) {
        return shapes.stream().map(s -> s.asJsonObject().getString("id")).collect(Collectors.toSet());
    }

    static Set<String> users(JsonArray people) {
        return people.stream().map(p -> p.asJsonObject().getString("user")).collect(Collectors.toSet());
    }
}
