package dev.whiteboard.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A person chatting, as the pages do: a real-time connection on a board or on no board (the lobby), {@code chatSend}
 * with a clientId (the reply is the result with the stored message), {@code chatTyping}, and the app's chat messages
 * as they arrive (to a group or to the user, one by one or in a batch).
 */
public final class ChatClient implements AutoCloseable {

    private final BoardClient connection;
    private final List<JsonObject> received = new ArrayList<>();

    private ChatClient(BoardClient connection) {
        this.connection = connection;
    }

    public static ChatClient onBoard(URI base, String user, String board) {
        return new ChatClient(BoardClient.join(base, user, board));
    }

    /** Chats over a board connection already open (e.g. one made through a gateway). */
    public static ChatClient over(BoardClient connection) {
        return new ChatClient(connection);
    }

    public static ChatClient inLobby(URI base, String user) {
        return new ChatClient(BoardClient.lobby(base, user));
    }

    public BoardClient connection() {
        return connection;
    }

    public Http http() {
        return connection.http();
    }

    /** Sends {@code chatSend} and returns its result ({@code {"type":"result","ok":…,"message":{…}}}). */
    public JsonObject send(String conversation, String text, String clientId) {
        String json = Json.createObjectBuilder()
                .add("conversation", conversation)
                .add("text", text)
                .add("clientId", clientId)
                .build()
                .toString();
        return connection.sendRaw("chatSend", json, clientId);
    }

    /** Sends {@code chatTyping} (no reply when it is taken). */
    public void typing(String conversation) {
        connection.emitRaw(
                "chatTyping",
                Json.createObjectBuilder()
                        .add("conversation", conversation)
                        .build()
                        .toString());
    }

    /** The next chat message from the app of this type ({@code chatMessage}, {@code typing}, {@code roomDeleted}). */
    public JsonObject next(String type) {
        return next(type, m -> true);
    }

    /** The next chat message from the app of this type that matches. */
    public JsonObject next(String type, Predicate<JsonObject> wanted) {
        Predicate<JsonObject> match = m -> type.equals(m.getString("type", "")) && wanted.test(m);
        while (true) {
            for (Iterator<JsonObject> it = received.iterator(); it.hasNext(); ) {
                JsonObject m = it.next();
                if (match.test(m)) {
                    it.remove();
                    return m;
                }
            }
            JsonObject frame = connection.socket().nextMatching(ChatClient::isAppMessage);
            JsonObject data = frame.getJsonObject("data");
            if ("batch".equals(data.getString("type", ""))) {
                for (JsonValue each : data.getJsonArray("messages")) {
                    received.add(each.asJsonObject());
                }
            } else {
                received.add(data);
            }
        }
    }

    /** The next {@code chatMessage}'s message whose text is {@code text}. */
    public JsonObject nextMessage(String text) {
        return next("chatMessage", m -> text.equals(m.getJsonObject("message").getString("text")))
                .getJsonObject("message");
    }

    /** A message the app sent (to a group, or to the user), not an event's reply. */
    private static boolean isAppMessage(JsonObject m) {
        return "message".equals(m.getString("type", ""))
                && ("group".equals(m.getString("from", "")) || "server".equals(m.getString("from", "")))
                && !m.containsKey("fromUserId")
                && m.get("data") instanceof JsonObject d
                && !"result".equals(d.getString("type", ""))
                && !"error".equals(d.getString("type", ""));
    }

    @Override
    public void close() {
        connection.close();
    }
}
