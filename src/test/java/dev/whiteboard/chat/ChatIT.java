package dev.whiteboard.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.ChatClient;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chat end to end over the built-in hub, with real WebSocket clients: board chat with history for a late
 * joiner, no loss or duplicate across a reconnect, direct messages with unread counts, rooms (owner-only delete),
 * the rate limit, text kept as text, viewers' chat setting, typing, lobby connections and who is online.
 * Each demo user sends fewer messages here than the rate limit allows in its window, except dave, who is kept for
 * the rate-limit test.
 */
@ExtendWith(AppServer.class)
class ChatIT {

    private final Http alice = Http.as(AppServer.baseUri(), "alice");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String newBoard(String title) {
        Http.Reply created = alice.postJson("api/boards", "{\"title\":\"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private String clientId(String name) {
        return run + "-" + name;
    }

    private static JsonObject ok(JsonObject result) {
        assertEquals("result", result.getString("type"), result::toString);
        assertTrue(result.getBoolean("ok"), result::toString);
        return result.getJsonObject("message");
    }

    private static JsonObject refused(JsonObject result, int status) {
        assertFalse(result.getBoolean("ok"), result::toString);
        assertEquals(status, result.getJsonObject("error").getInt("status"), result::toString);
        return result.getJsonObject("error");
    }

    private static List<String> texts(JsonObject page) {
        return page.getJsonArray("messages").stream()
                .map(v -> v.asJsonObject().getString("text"))
                .toList();
    }

    @Test
    void boardChatIsStoredAndALateJoinerPagesThroughItNewestFirst() {
        String board = newBoard("Chat history");
        String conversation = "board:" + board;
        try (ChatClient a = ChatClient.onBoard(AppServer.baseUri(), "alice", board);
                ChatClient b = ChatClient.onBoard(AppServer.baseUri(), "bob", board)) {
            long previous = 0;
            for (int i = 1; i <= 5; i++) {
                JsonObject stored = ok(a.send(conversation, "  message " + i + "  ", clientId("h" + i)));
                assertEquals("message " + i, stored.getString("text"), "the text is trimmed");
                assertEquals("alice", stored.getString("from"));
                assertEquals(conversation, stored.getString("conversation"));
                assertTrue(stored.getJsonNumber("id").longValue() > previous, "ids grow");
                previous = stored.getJsonNumber("id").longValue();
                JsonObject seenByBob = b.nextMessage("message " + i);
                assertEquals(
                        stored.getJsonNumber("id").longValue(),
                        seenByBob.getJsonNumber("id").longValue());
                assertEquals(stored.getString("sentAt"), seenByBob.getString("sentAt"));
            }
            JsonObject spoof = refused(
                    b.connection()
                            .sendRaw(
                                    "chatSend",
                                    "{\"conversation\":\"" + conversation
                                            + "\",\"text\":\"who am I\",\"clientId\":\"" + clientId("spoof")
                                            + "\",\"from\":\"alice\","
                                            + "\"userId\":\"alice\"}",
                                    clientId("spoof")),
                    400);
            assertEquals("from", spoof.getString("field"), "a sender in the body is not a field of the message");
            JsonObject sent = ok(b.send(conversation, "who am I", clientId("plain")));
            assertEquals("bob", sent.getString("from"), "the sender is the connection's user");
        }
        Http carol = Http.as(AppServer.baseUri(), "carol");
        JsonObject first =
                carol.get("api/chat/" + conversation + "/messages?limit=2").json();
        assertEquals(List.of("who am I", "message 5"), texts(first));
        assertTrue(first.getBoolean("more"));
        long oldest = first.getJsonArray("messages")
                .getJsonObject(1)
                .getJsonNumber("id")
                .longValue();
        JsonObject second = carol.get("api/chat/" + conversation + "/messages?limit=2&before=" + oldest)
                .json();
        assertEquals(List.of("message 4", "message 3"), texts(second));
        oldest = second.getJsonArray("messages")
                .getJsonObject(1)
                .getJsonNumber("id")
                .longValue();
        JsonObject last = carol.get("api/chat/" + conversation + "/messages?before=" + oldest)
                .json();
        assertEquals(List.of("message 2", "message 1"), texts(last));
        assertFalse(last.getBoolean("more"));
        assertEquals(
                6,
                carol.get("api/chat/" + conversation + "/messages")
                        .json()
                        .getJsonArray("messages")
                        .size(),
                "the default page holds them all");

        assertEquals(
                400, carol.get("api/chat/" + conversation + "/messages?limit=0").status());
        assertEquals(
                400,
                carol.get("api/chat/" + conversation + "/messages?limit=201").status());
        assertEquals(
                400,
                carol.get("api/chat/" + conversation + "/messages?before=x").status());
        assertEquals(400, carol.get("api/chat/nonsense/messages").status());
        assertEquals(404, carol.get("api/chat/board:nosuchboard/messages").status());
    }

    @Test
    void aMessageSentAgainAfterAReconnectIsStoredAndShownOnce() {
        String board = newBoard("Chat reconnect");
        String conversation = "board:" + board;
        try (ChatClient a = ChatClient.onBoard(AppServer.baseUri(), "alice", board)) {
            JsonObject firstTry;
            try (ChatClient b = ChatClient.onBoard(AppServer.baseUri(), "bob", board)) {
                firstTry = ok(b.send(conversation, "once only", clientId("r1")));
            }
            JsonObject seen = a.nextMessage("once only");
            assertEquals(firstTry.getJsonNumber("id"), seen.getJsonNumber("id"));
            try (ChatClient b = ChatClient.onBoard(AppServer.baseUri(), "bob", board)) {
                JsonObject resent = ok(b.send(conversation, "once only", clientId("r1")));
                assertEquals(firstTry.getJsonNumber("id"), resent.getJsonNumber("id"), "the stored one comes back");
                assertEquals(firstTry.getString("sentAt"), resent.getString("sentAt"));
                JsonObject next = ok(b.send(conversation, "after the reconnect", clientId("r2")));
                JsonObject alicesNext = a.next("chatMessage").getJsonObject("message");
                assertEquals(
                        next.getJsonNumber("id"),
                        alicesNext.getJsonNumber("id"),
                        "the resend was not announced again: the next message alice gets is the new one");
                JsonObject reused = b.send("dm:alice:bob", "elsewhere", clientId("r2"));
                assertEquals("clientId", refused(reused, 400).getString("field"));
            }
            JsonArray history =
                    alice.get("api/chat/" + conversation + "/messages").json().getJsonArray("messages");
            assertEquals(
                    List.of("after the reconnect", "once only"),
                    history.stream()
                            .map(v -> v.asJsonObject().getString("text"))
                            .toList(),
                    "stored once, nothing lost");
        }
    }

    @Test
    void directMessagesReachBothPeopleWhereverTheyAreWithUnreadCounts() {
        String board = newBoard("Chat DMs");
        Http bob = Http.as(AppServer.baseUri(), "bob");
        try (ChatClient a = ChatClient.onBoard(AppServer.baseUri(), "alice", board);
                ChatClient b = ChatClient.inLobby(AppServer.baseUri(), "bob")) {
            JsonObject negotiated = b.connection().negotiated();
            assertEquals(0, negotiated.getJsonArray("permissions").size(), "a lobby connection sends nothing itself");
            assertTrue(negotiated.getString("url").contains("lobby=true"));

            JsonObject result = a.send("dm:bob:alice", "psst, <bob>", clientId("d1"));
            assertEquals("dm:alice:bob", result.getString("conversation"), "the key is the sorted pair");
            JsonObject sent = ok(result);
            JsonObject atBob = b.nextMessage("psst, <bob>");
            assertEquals("alice", atBob.getString("from"));
            assertEquals(sent.getJsonNumber("id"), atBob.getJsonNumber("id"));
            assertEquals(
                    sent.getJsonNumber("id"),
                    a.nextMessage("psst, <bob>").getJsonNumber("id"),
                    "the sender's own connections get it too");

            assertEquals(1, unread(bob, "dm:alice:bob"));
            assertEquals(0, unread(alice, "dm:alice:bob"), "your own messages are not unread");
            JsonObject reply = ok(b.send("dm:alice:bob", "hi alice", clientId("d2")));
            assertEquals(1, unread(alice, "dm:alice:bob"));
            Http.Reply read =
                    bob.postJson("api/chat/dm:alice:bob/read", "{\"lastReadId\":" + sent.getJsonNumber("id") + "}");
            assertEquals(200, read.status(), read::toString);
            assertEquals(0, unread(bob, "dm:alice:bob"));
            alice.postJson("api/chat/dm:alice:bob/read", "{\"lastReadId\":" + reply.getJsonNumber("id") + "}");
            assertEquals(0, unread(alice, "dm:alice:bob"));

            JsonArray history = bob.get("api/chat/dm:bob:alice/messages").json().getJsonArray("messages");
            assertEquals(2, history.size());
            assertEquals(
                    403,
                    Http.as(AppServer.baseUri(), "carol")
                            .get("api/chat/dm:alice:bob/messages")
                            .status(),
                    "a direct conversation is only for its two people");
            assertEquals(
                    403,
                    refused(a.send("dm:bob:carol", "not mine", clientId("d3")), 403)
                            .getInt("status"));
            refused(a.send("dm:alice:nosuchperson", "anyone?", clientId("d4")), 404);
            refused(a.send("dm:alice:alice", "me", clientId("d5")), 400);
            assertEquals(400, bob.postJson("api/chat/dm:alice:bob/read", "{}").status());
        }
    }

    private static long unread(Http http, String conversation) {
        JsonObject counts = http.get("api/chat/unread").json();
        Optional<JsonValue> entry = counts.getJsonArray("conversations").stream()
                .filter(v -> conversation.equals(v.asJsonObject().getString("conversation")))
                .findFirst();
        return entry.map(v -> v.asJsonObject().getJsonNumber("unread").longValue())
                .orElse(0L);
    }

    @Test
    void roomsAreCreatedJoinedLeftAndDeletedOnlyByTheirOwner() {
        Http bobHttp = Http.as(AppServer.baseUri(), "bob");
        Http carolHttp = Http.as(AppServer.baseUri(), "carol");
        try (ChatClient carol = ChatClient.inLobby(AppServer.baseUri(), "carol");
                ChatClient bob = ChatClient.inLobby(AppServer.baseUri(), "bob")) {
            Http.Reply created = carolHttp.postJson("api/chat/rooms", "{\"name\":\"  Design <i>" + run + "</i> \"}");
            assertEquals(201, created.status(), created::toString);
            JsonObject room = created.json();
            long id = room.getJsonNumber("id").longValue();
            String conversation = "room:" + id;
            assertEquals("Design <i>" + run + "</i>", room.getString("name"), "names are text, kept as sent");
            assertEquals("carol", room.getString("owner"));
            assertEquals(conversation, room.getString("conversation"));
            assertTrue(room.getBoolean("member"));
            assertEquals(1, room.getInt("members"));

            JsonObject listed = roomIn(bobHttp.get("api/chat/rooms").array(), id);
            assertFalse(listed.getBoolean("member"));
            refused(bob.send(conversation, "let me in", clientId("k0")), 403);
            assertEquals(
                    403, bobHttp.get("api/chat/" + conversation + "/messages").status());

            JsonObject joined =
                    bobHttp.putJson("api/chat/rooms/" + id + "/members/me", "").json();
            assertTrue(joined.getBoolean("member"));
            assertEquals(2, joined.getInt("members"));
            assertEquals(
                    200,
                    bobHttp.putJson("api/chat/rooms/" + id + "/members/me", "").status(),
                    "joining again is fine");
            assertEquals(2, roomIn(carolHttp.get("api/chat/rooms").array(), id).getInt("members"));

            ok(carol.send(conversation, "welcome", clientId("k1")));
            assertEquals(
                    "carol",
                    bob.nextMessage("welcome").getString("from"),
                    "bob's open connection joined the room's group when he joined");
            ok(bob.send(conversation, "thanks", clientId("k2")));
            assertEquals("bob", carol.nextMessage("thanks").getString("from"));

            assertEquals(
                    200,
                    alice.putJson("api/chat/rooms/" + id + "/members/me", "").status());
            try (ChatClient late = ChatClient.inLobby(AppServer.baseUri(), "alice")) {
                ok(carol.send(conversation, "hello alice", clientId("k3")));
                assertEquals(
                        "carol",
                        late.nextMessage("hello alice").getString("from"),
                        "a connection opened after joining is in the room's group from the start");

                Http.Reply notTheOwner = bobHttp.delete("api/chat/rooms/" + id);
                assertEquals(403, notTheOwner.status(), notTheOwner::toString);
                assertEquals("forbidden", notTheOwner.json().getString("error"));

                assertEquals(
                        204,
                        bobHttp.delete("api/chat/rooms/" + id + "/members/me").status());
                assertFalse(roomIn(bobHttp.get("api/chat/rooms").array(), id).getBoolean("member"));
                refused(bob.send(conversation, "still here?", clientId("k4")), 403);

                assertEquals(204, carolHttp.delete("api/chat/rooms/" + id).status());
                JsonObject deleted = late.next("roomDeleted");
                assertEquals(id, deleted.getJsonNumber("room").longValue());
                assertEquals("carol", deleted.getString("by"));
            }
            assertTrue(carolHttp.get("api/chat/rooms").array().stream()
                    .noneMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
            assertEquals(
                    404, carolHttp.get("api/chat/" + conversation + "/messages").status());
            assertEquals(404, carolHttp.delete("api/chat/rooms/" + id).status());
            assertEquals(
                    400,
                    carolHttp.postJson("api/chat/rooms", "{\"name\":\"   \"}").status());
            assertEquals(
                    400,
                    carolHttp
                            .postJson("api/chat/rooms", "{\"name\":\"" + "x".repeat(81) + "\"}")
                            .status());
        }
    }

    private static JsonObject roomIn(JsonArray rooms, long id) {
        return rooms.stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> r.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("room " + id + " not in " + rooms));
    }

    @Test
    void theRateLimitRefusesTheEleventhMessageInTenSecondsWithAClearReply() {
        String board = newBoard("Chat rate limit");
        String conversation = "board:" + board;
        try (ChatClient dave = ChatClient.onBoard(AppServer.baseUri(), "dave", board)) {
            for (int i = 1; i <= 10; i++) {
                ok(dave.send(conversation, "spam " + i, clientId("s" + i)));
            }
            JsonObject limited = dave.send(conversation, "spam 11", clientId("s11"));
            JsonObject error = refused(limited, 429);
            assertEquals("rate_limited", error.getString("error"));
            assertTrue(error.getString("message").contains("10 messages in 10 seconds"), error::toString);
            assertTrue(limited.getBoolean("retryable"));
            long retryAfter = limited.getJsonNumber("retryAfterMs").longValue();
            assertTrue(retryAfter > 0 && retryAfter <= 10_000, limited::toString);
            assertEquals(clientId("s11"), limited.getString("requestId"));
            JsonObject resend = ok(dave.send(conversation, "spam 3", clientId("s3")));
            assertEquals(
                    "spam 3", resend.getString("text"), "a resend of a stored message is not counted, nor refused");
        }
        assertEquals(
                10,
                alice.get("api/chat/board:" + board + "/messages")
                        .json()
                        .getJsonArray("messages")
                        .size(),
                "the refused message was not stored");
    }

    @Test
    void htmlInMessagesIsStoredAndReturnedAsText() {
        String board = newBoard("Chat <b>safety</b>");
        String conversation = "board:" + board;
        String html = "<b>x</b><script>alert('hi')</script> & <img src=x onerror=alert(1)>";
        try (ChatClient carol = ChatClient.onBoard(AppServer.baseUri(), "carol", board);
                ChatClient bob = ChatClient.onBoard(AppServer.baseUri(), "bob", board)) {
            assertEquals(
                    html, ok(carol.send(conversation, html, clientId("x1"))).getString("text"));
            assertEquals(html, bob.nextMessage(html).getString("text"));
        }
        Http.Reply history = alice.get("api/chat/" + conversation + "/messages");
        assertEquals(
                html, history.json().getJsonArray("messages").getJsonObject(0).getString("text"));
        assertTrue(history.header("Content-Type").startsWith("application/json"), history::toString);
        JsonObject tooLong = Http.as(AppServer.baseUri(), "carol")
                .get("api/chat/" + conversation + "/messages")
                .json();
        assertEquals(1, tooLong.getJsonArray("messages").size());
        try (ChatClient carol = ChatClient.onBoard(AppServer.baseUri(), "carol", board)) {
            assertEquals(
                    "text",
                    refused(carol.send(conversation, "x".repeat(2001), clientId("x2")), 400)
                            .getString("field"));
            assertEquals(
                    "text",
                    refused(carol.send(conversation, "   ", clientId("x3")), 400)
                            .getString("field"));
        }
        try (BoardClient carol = BoardClient.join(AppServer.baseUri(), "carol", board)) {
            String lone = "{\"conversation\":\"" + conversation + "\",\"text\":\"half \\ud800\",\"clientId\":\""
                    + clientId("x4") + "\"}";
            JsonObject refusedLone = carol.sendRaw("chatSend", lone, clientId("x4"));
            assertFalse(refusedLone.getBoolean("ok"), refusedLone::toString);
            assertEquals(400, refusedLone.getJsonObject("error").getInt("status"), refusedLone::toString);
            assertEquals("text", refusedLone.getJsonObject("error").getString("field"), refusedLone::toString);
        }
        assertEquals(
                1,
                alice.get("api/chat/" + conversation + "/messages")
                        .json()
                        .getJsonArray("messages")
                        .size(),
                "the refused messages were not stored");
    }

    @Test
    void viewersMayChatUnlessTheOwnerTurnsItOff() {
        String board = newBoard("Chat viewers");
        String conversation = "board:" + board;
        Http bobHttp = Http.as(AppServer.baseUri(), "bob");
        assertEquals(
                200,
                alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"viewer\"}")
                        .status());
        assertTrue(bobHttp.get("api/boards/" + board + "/chat-settings").json().getBoolean("viewersMayChat"));
        try (ChatClient bob = ChatClient.onBoard(AppServer.baseUri(), "bob", board)) {
            ok(bob.send(conversation, "a viewer says hi", clientId("v1")));
            assertEquals(
                    403,
                    bobHttp.putJson("api/boards/" + board + "/chat-settings", "{\"viewersMayChat\":false}")
                            .status(),
                    "only owners change it");
            Http.Reply off = alice.putJson("api/boards/" + board + "/chat-settings", "{\"viewersMayChat\":false}");
            assertEquals(200, off.status(), off::toString);
            assertFalse(off.json().getBoolean("viewersMayChat"));
            JsonObject error = refused(bob.send(conversation, "may I?", clientId("v2")), 403);
            assertTrue(error.getString("message").contains("turned chat off for viewers"), error::toString);
            assertEquals(
                    1,
                    bobHttp.get("api/chat/" + conversation + "/messages")
                            .json()
                            .getJsonArray("messages")
                            .size(),
                    "viewers still read");
            assertEquals(
                    400,
                    alice.putJson("api/boards/" + board + "/chat-settings", "{}")
                            .status());
            assertEquals(
                    200,
                    alice.putJson("api/boards/" + board + "/chat-settings", "{\"viewersMayChat\":true}")
                            .status());
            ok(bob.send(conversation, "thanks", clientId("v3")));
        }
    }

    @Test
    void typingIsRelayedToTheConversationButNotStored() {
        String board = newBoard("Chat typing");
        String conversation = "board:" + board;
        try (ChatClient a = ChatClient.onBoard(AppServer.baseUri(), "alice", board);
                ChatClient b = ChatClient.onBoard(AppServer.baseUri(), "bob", board)) {
            b.typing(conversation);
            JsonObject typing = a.next("typing");
            assertEquals(conversation, typing.getString("conversation"));
            assertEquals("bob", typing.getString("user"));
            JsonObject refusedTyping =
                    b.connection().sendRaw("chatTyping", "{\"conversation\":\"dm:alice:carol\"}", null);
            assertEquals("error", refusedTyping.getString("type"), refusedTyping::toString);
            assertEquals(403, refusedTyping.getJsonObject("error").getInt("status"));
            assertEquals(
                    0,
                    alice.get("api/chat/" + conversation + "/messages")
                            .json()
                            .getJsonArray("messages")
                            .size());
        }
    }

    @Test
    void whoIsOnlineAndWhere() {
        String board = newBoard("Chat presence");
        try (ChatClient a = ChatClient.onBoard(AppServer.baseUri(), "alice", board);
                ChatClient c = ChatClient.inLobby(AppServer.baseUri(), "carol")) {
            JsonObject carol = awaitOnline(u -> "carol".equals(u.getString("user")) && u.getBoolean("lobby"));
            assertEquals("Carol Chen", carol.getString("name"));
            assertEquals("active", carol.getString("state"));
            awaitOnline(u -> "alice".equals(u.getString("user"))
                    && u.getJsonArray("boards").stream().anyMatch(b -> board.equals(((JsonString) b).getString())));
            c.connection().emitRaw("presence", "{\"state\":\"away\"}");
            awaitOnline(u -> "carol".equals(u.getString("user")) && "away".equals(u.getString("state")));
        }
    }

    /** The person in {@code GET /api/presence} who matches, once they do ({@code connected} is not waited for). */
    private JsonObject awaitOnline(Predicate<JsonObject> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonArray online;
        do {
            online = alice.get("api/presence").array();
            Optional<JsonObject> found =
                    online.stream().map(JsonValue::asJsonObject).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("nobody like that online: " + online);
    }
}
