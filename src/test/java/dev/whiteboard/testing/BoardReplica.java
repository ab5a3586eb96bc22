package dev.whiteboard.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * A person on a board who keeps a copy of it as the board page does ({@code webapp/js/board/sync.js}): loads the
 * diagram, applies the app's board messages in version order (skips what it has, loads the diagram again at a gap),
 * and when its connection is gone connects afresh — {@code negotiate} again — and loads the diagram again. Through a
 * gateway ({@code sockets} trusts its certificate) or straight to a server ({@code sockets} null).
 */
public final class BoardReplica implements AutoCloseable {

    private final Http http;
    private final HttpClient sockets;
    private final String user;
    private final String board;
    private volatile BoardClient connection;
    private final Set<String> shapes = new HashSet<>();
    private long version = -1;
    private int connections;
    private int reloads;

    private BoardReplica(Http http, HttpClient sockets, String user, String board) {
        this.http = http;
        this.sockets = sockets;
        this.user = user;
        this.board = board;
        connect();
    }

    /** Joins {@code board} as {@code user}, signed in as {@code http} is; connected and loaded when this returns. */
    public static BoardReplica join(Http http, HttpClient sockets, String user, String board) {
        return new BoardReplica(http, sockets, user, board);
    }

    /** The connection now (another one after {@link #reconnect}). */
    public BoardClient connection() {
        return connection;
    }

    public String user() {
        return user;
    }

    /** Draws a pen shape over the current connection; throws when the connection is gone before the result. */
    public JsonObject draw(String shapeId) {
        return connection.draw(shapeId);
    }

    /**
     * Connects afresh, as the page does when its connection cannot be recovered: the old one is dropped, a new one is
     * negotiated (the gateway picks its node), and the board is loaded again. Retried until {@code within} ends
     * (while the gateway still tries a node that is gone, or the node is busy taking the others).
     */
    public void reconnect(Duration within) {
        connection.close();
        Eventually.until("a new connection for " + user, within, () -> {
            try {
                connect();
                return true;
            } catch (RuntimeException | AssertionError notYet) {
                return false;
            }
        });
    }

    private synchronized void connect() {
        connection = BoardClient.join(http, sockets, user, board);
        connections++;
        load();
    }

    private void load() {
        JsonObject diagram = http.get("api/boards/" + board + "/diagram").json();
        shapes.clear();
        diagram.getJsonArray("shapes").forEach(s -> shapes.add(s.asJsonObject().getString("id")));
        version = diagram.getJsonNumber("version").longValue();
    }

    /**
     * Applies what the app announced since the last call, as the page does; returns the version reached. Not while
     * another thread draws on the connection (both read its frames).
     */
    public synchronized long catchUp() {
        for (JsonObject frame : connection.socket().drain()) {
            if (!"message".equals(frame.getString("type", ""))
                    || !"group".equals(frame.getString("from", ""))
                    || frame.containsKey("fromUserId")
                    || !(frame.get("data") instanceof JsonObject data)
                    || !board.equals(data.getString("board", ""))
                    || !data.containsKey("version")) {
                continue;
            }
            long to = data.getJsonNumber("version").longValue();
            if (to <= version) {
                continue; // already applied
            }
            if (data.getJsonNumber("fromVersion").longValue() > version) {
                reloads++; // a gap: something was missed
                load();
                continue;
            }
            switch (data.getString("type")) {
                case "shapesChanged" -> {
                    data.getJsonArray("put")
                            .forEach(s -> shapes.add(s.asJsonObject().getString("id")));
                    data.getJsonArray("removed").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .forEach(shapes::remove);
                }
                case "boardCleared" -> shapes.clear();
                case "boardRestored" -> {
                    reloads++;
                    load();
                    continue;
                }
                default -> {
                    // the background, for example: not followed here
                }
            }
            version = to;
        }
        return version;
    }

    /** The ids of the live shapes in this copy. */
    public synchronized Set<String> shapes() {
        return Set.copyOf(shapes);
    }

    public synchronized long version() {
        return version;
    }

    /** How many connections this person made (1, plus one per {@link #reconnect}). */
    public synchronized int connections() {
        return connections;
    }

    /** How many times the copy was loaded again because of a gap in the versions. */
    public synchronized int reloads() {
        return reloads;
    }

    @Override
    public void close() {
        connection.close();
    }
}
