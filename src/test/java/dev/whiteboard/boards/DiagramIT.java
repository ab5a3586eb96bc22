package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The diagram snapshot and the shape writes behind it: versions, idempotency, limits. */
@ExtendWith(SharedServer.class)
class DiagramIT {

    private Http http;
    private String board;

    @BeforeEach
    void newBoard() {
        http = new Http(SharedServer.baseUri());
        board = http.postJson("api/boards", "{\"title\":\"diagram\"}").json().getString("id");
    }

    @Test
    void aNewBoardHasAnEmptyDiagramAtVersionZero() {
        JsonObject diagram = diagram();
        assertEquals(0, diagram.getInt("version"));
        assertEquals(board, diagram.getJsonObject("board").getString("id"));
        assertTrue(diagram.getJsonArray("shapes").isEmpty());
        assertFalse(diagram.containsKey("background"));
    }

    @Test
    void storedShapesComeBackInDrawingOrderWithTheBoardVersion() {
        Http.Reply pen = put(
                "pen-1", "{\"kind\":\"pen\",\"stroke\":\"#E03131\",\"width\":3,\"points\":[0,0,10.123,10.987,20,5]}");
        assertEquals(201, pen.status(), pen::toString);
        assertEquals(1, pen.json().getInt("version"));
        assertEquals(1, pen.json().getInt("z"));
        put("box", "{\"kind\":\"rectangle\",\"fill\":\"#ffc9c9\",\"opacity\":0.5,\"points\":[0,0,100,60],\"z\":-5}");
        put("note", "{\"kind\":\"text\",\"text\":\"Hello <b>team</b>\",\"width\":18,\"points\":[10,10]}");
        String asset = http.post("api/boards/" + board + "/assets", "image/png", Images.encode("png"))
                .json()
                .getString("id");
        put("pic", "{\"kind\":\"image\",\"asset\":\"" + asset + "\",\"points\":[0,0,64,64]}");

        JsonObject diagram = diagram();
        assertEquals(4, diagram.getInt("version"));
        assertEquals(4, diagram.getJsonObject("board").getInt("version"));
        JsonArray shapes = diagram.getJsonArray("shapes");
        assertEquals(List.of("box", "pen-1", "note", "pic"), shapeIds(shapes));

        JsonObject stroke = shapes.getJsonObject(1);
        assertEquals("pen", stroke.getString("kind"));
        assertEquals("#e03131", stroke.getString("stroke"));
        assertEquals(3.0, stroke.getJsonNumber("width").doubleValue());
        assertEquals(1.0, stroke.getJsonNumber("opacity").doubleValue());
        assertEquals(List.of(0.0, 0.0, 10.12, 10.99, 20.0, 5.0), numbers(stroke.getJsonArray("points")));
        assertEquals("alice", stroke.getString("author"));
        assertFalse(stroke.containsKey("fill"));
        JsonObject box = shapes.getJsonObject(0);
        assertEquals("#ffc9c9", box.getString("fill"));
        assertEquals(0.5, box.getJsonNumber("opacity").doubleValue());
        assertEquals(-5, box.getInt("z"));
        assertEquals("Hello <b>team</b>", shapes.getJsonObject(2).getString("text"));
        assertEquals(asset, shapes.getJsonObject(3).getString("asset"));
    }

    @Test
    void aReplayChangesNothingAndAnUpdateIsOneNewVersion() {
        String body = "{\"kind\":\"line\",\"points\":[0,0,50,50]}";
        assertEquals(201, put("l", body).status());
        Http.Reply replay = put("l", body);
        assertEquals(200, replay.status());
        assertEquals(1, replay.json().getInt("version"));
        assertEquals(1, diagram().getInt("version"));

        Http.Reply moved = put("l", "{\"id\":\"l\",\"kind\":\"line\",\"points\":[10,10,60,60]}");
        assertEquals(200, moved.status());
        assertEquals(2, moved.json().getInt("version"));
        assertEquals(1, moved.json().getInt("z"), "an update without z keeps the shape's place");
        assertEquals(
                List.of(10.0, 10.0, 60.0, 60.0),
                numbers(diagram().getJsonArray("shapes").getJsonObject(0).getJsonArray("points")));
    }

    @Test
    void removedShapesLeaveTheDiagramOnceAndCanBeRestored() {
        put("a", "{\"kind\":\"ellipse\",\"points\":[0,0,10,10]}");
        put("b", "{\"kind\":\"arrow\",\"points\":[0,0,10,10]}");
        assertEquals(204, http.delete(shape("a")).status());
        JsonObject afterRemove = diagram();
        assertEquals(3, afterRemove.getInt("version"));
        assertEquals(List.of("b"), shapeIds(afterRemove.getJsonArray("shapes")));

        assertEquals(204, http.delete(shape("a")).status(), "removing twice is harmless");
        assertEquals(204, http.delete(shape("never-there")).status());
        assertEquals(3, diagram().getInt("version"), "and changes nothing");

        assertEquals(
                409,
                put("a", "{\"kind\":\"ellipse\",\"points\":[0,0,10,10]}").status(),
                "a removed shape stays removed");
        assertEquals(
                200,
                put("a", "{\"kind\":\"ellipse\",\"points\":[0,0,10,10],\"restore\":true}")
                        .status());
        JsonObject restored = diagram();
        assertEquals(4, restored.getInt("version"));
        assertEquals(List.of("a", "b"), shapeIds(restored.getJsonArray("shapes")));
    }

    @Test
    void malformedAndOversizedShapesAreRejectedAndNothingIsStored() {
        put("keep", "{\"kind\":\"pen\",\"points\":[1,1]}");
        String tooManyPoints = IntStream.range(0, 20_002).mapToObj(i -> "1").collect(Collectors.joining(",", "[", "]"));
        assertError(put("x", "{\"kind\":\"hexagon\",\"points\":[0,0]}"), 400, "invalid", "kind");
        assertError(put("x", "{\"points\":[0,0]}"), 400, "invalid", "kind");
        assertError(put("x", "{\"kind\":\"pen\"}"), 400, "invalid", "points");
        assertError(put("x", "{\"kind\":\"pen\",\"points\":[0,0,1]}"), 400, "invalid", "points");
        assertError(put("x", "{\"kind\":\"pen\",\"points\":" + tooManyPoints + "}"), 400, "invalid", "points");
        assertError(put("x", "{\"kind\":\"pen\",\"points\":[0,10000000]}"), 400, "invalid", "points");
        assertError(put("x", "{\"kind\":\"line\",\"points\":[0,0,1,1,2,2]}"), 400, "invalid", "points");
        assertError(put("x", "{\"kind\":\"text\",\"points\":[0,0]}"), 400, "invalid", "text");
        assertError(
                put("x", "{\"kind\":\"text\",\"text\":\"" + "t".repeat(10_001) + "\",\"points\":[0,0]}"),
                400,
                "invalid",
                "text");
        assertError(put("x", "{\"kind\":\"rectangle\",\"text\":\"no\",\"points\":[0,0,1,1]}"), 400, "invalid", "text");
        assertError(put("x", "{\"kind\":\"pen\",\"stroke\":\"red\",\"points\":[0,0]}"), 400, "invalid", "stroke");
        assertError(put("x", "{\"kind\":\"pen\",\"fill\":\"#12345\",\"points\":[0,0]}"), 400, "invalid", "fill");
        assertError(put("x", "{\"kind\":\"pen\",\"width\":0,\"points\":[0,0]}"), 400, "invalid", "width");
        assertError(put("x", "{\"kind\":\"pen\",\"opacity\":2,\"points\":[0,0]}"), 400, "invalid", "opacity");
        assertError(put("x", "{\"kind\":\"image\",\"points\":[0,0,1,1]}"), 400, "invalid", "asset");
        assertError(put("x", "{\"kind\":\"note\",\"points\":[0,0,1,1]}"), 400, "invalid", "text");
        assertError(put("x", "{\"kind\":\"note\",\"text\":\"a\",\"points\":[0,0]}"), 400, "invalid", "points");
        assertError(
                put("x", "{\"kind\":\"note\",\"text\":\"a\",\"fill\":\"yellow\",\"points\":[0,0,1,1]}"),
                400,
                "invalid",
                "fill");
        assertError(
                put("x", "{\"kind\":\"image\",\"src\":\"https://tracker.example/p.gif\",\"points\":[0,0,1,1]}"),
                400,
                "invalid",
                "src");
        assertError(
                put("x", "{\"kind\":\"image\",\"asset\":\"https://tracker.example/p.gif\",\"points\":[0,0,1,1]}"),
                400,
                "invalid",
                "asset");
        assertError(put("x", "{\"kind\":\"pen\",\"points\":\"0,0\"}"), 400, "invalid", "points");
        assertError(put("x", "{\"kind\":\"pen\",\"points\":[0,0]"), 400, "invalid", null);
        assertError(put("x", ""), 400, "invalid", null);
        assertError(put("x", "{\"id\":\"y\",\"kind\":\"pen\",\"points\":[0,0]}"), 400, "invalid", "id");
        assertError(put("bad%20id", "{\"kind\":\"pen\",\"points\":[0,0]}"), 400, "invalid", "id");
        assertError(put("x".repeat(65), "{\"kind\":\"pen\",\"points\":[0,0]}"), 400, "invalid", "id");
        assertError(
                http.send("PUT", shape("x"), "text/plain", "{\"kind\":\"pen\",\"points\":[0,0]}"),
                415,
                "unsupported_type",
                null);

        JsonObject diagram = diagram();
        assertEquals(1, diagram.getInt("version"));
        assertEquals(List.of("keep"), shapeIds(diagram.getJsonArray("shapes")));
    }

    @Test
    void shapesOnUnknownBoardsAreNotFound() {
        assertError(
                http.putJson("api/boards/zzzzzzzzzz/shapes/a", "{\"kind\":\"pen\",\"points\":[0,0]}"),
                404,
                "not_found",
                null);
        assertError(http.delete("api/boards/zzzzzzzzzz/shapes/a"), 404, "not_found", null);
    }

    @Test
    void theLargestShapeFitsWholeAndComesBackExactly() {
        String points = IntStream.range(0, 20_000)
                .mapToObj(i -> String.valueOf(i % 2 == 0 ? i : -i - 0.25))
                .collect(Collectors.joining(",", "[", "]"));
        assertEquals(
                201, put("long", "{\"kind\":\"pen\",\"points\":" + points + "}").status());
        JsonArray stored = diagram().getJsonArray("shapes").getJsonObject(0).getJsonArray("points");
        assertEquals(20_000, stored.size());
        assertEquals(-19_999.25, stored.getJsonNumber(19_999).doubleValue());
    }

    @Test
    void anOrderIsResolvedByTheBoardAndALockedShapeRefusesAllButUnlocking() {
        String box = "{\"kind\":\"rectangle\",\"points\":[0,0,10,10]";
        for (String id : List.of("a", "b", "c")) {
            put(id, box + "}");
        }
        assertEquals(200, put("a", box + ",\"order\":\"front\"}").status());
        assertEquals(200, put("c", box + ",\"order\":\"backward\"}").status());
        assertEquals(List.of("c", "b", "a"), shapeIds(diagram().getJsonArray("shapes")));
        assertError(put("a", box + ",\"order\":\"top\"}"), 400, "invalid", "order");
        assertError(put("a", box + ",\"order\":\"back\",\"z\":3}"), 400, "invalid", "order");
        assertError(put("a", box + ",\"locked\":\"yes\"}"), 400, "invalid", "locked");

        Http.Reply locked = put("b", box + ",\"locked\":true}");
        assertEquals(200, locked.status(), locked::toString);
        assertTrue(locked.json().getBoolean("locked"));
        assertFalse(put("c", box + "}").json().containsKey("locked"), "absent when not locked");
        assertError(put("b", "{\"kind\":\"rectangle\",\"points\":[5,5,10,10],\"locked\":true}"), 409, "conflict", null);
        assertError(put("b", box + ",\"order\":\"front\",\"locked\":true}"), 409, "conflict", null);
        assertError(http.delete(shape("b")), 409, "conflict", null);
        JsonObject stored = diagram().getJsonArray("shapes").getJsonObject(1);
        assertEquals("b", stored.getString("id"));
        assertTrue(stored.getBoolean("locked"));

        assertEquals(200, put("b", box + "}").status(), "unlocking is the one change allowed");
        assertEquals(204, http.delete(shape("b")).status());
    }

    private Http.Reply put(String shapeId, String json) {
        return http.putJson(shape(shapeId), json);
    }

    private String shape(String shapeId) {
        return "api/boards/" + board + "/shapes/" + shapeId;
    }

    private JsonObject diagram() {
        Http.Reply reply = http.get("api/boards/" + board + "/diagram");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> shapeIds(JsonArray shapes) {
        return shapes.stream().map(s -> s.asJsonObject().getString("id")).toList();
    }

    private static List<Double> numbers(JsonArray array) {
        return array.stream().map(v -> ((JsonNumber) v).doubleValue()).toList();
    }
}
