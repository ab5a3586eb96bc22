package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connectors over REST and the real-time path: bindings and labels stored and served in the diagram, bad bindings
 * refused, a moved shape and its connector stored together, and removing a bound shape dropping the bindings to it.
 */
@ExtendWith(AppServer.class)
class ConnectorsIT {

    private static final String BOX_A = "{\"kind\":\"rectangle\",\"points\":[0,0,100,60]}";
    private static final String BOX_B = "{\"kind\":\"rectangle\",\"points\":[300,0,400,60]}";

    private final Http alice = Http.as(AppServer.baseUri(), "alice");
    private String board;

    @BeforeEach
    void newBoard() {
        board = alice.postJson("api/boards", "{\"title\":\"Connectors\"}")
                .json()
                .getString("id");
    }

    private Http.Reply put(String id, String json) {
        return alice.putJson("api/boards/" + board + "/shapes/" + id, json);
    }

    private static String arrow(String id, String points, String start, String end, String label) {
        return "{\"id\":\"" + id + "\",\"kind\":\"arrow\",\"points\":" + points
                + (start == null ? "" : ",\"start\":" + start)
                + (end == null ? "" : ",\"end\":" + end)
                + (label == null ? "" : ",\"label\":\"" + label + "\"") + "}";
    }

    private Map<String, JsonObject> shapes() {
        JsonArray shapes = alice.get("api/boards/" + board + "/diagram").json().getJsonArray("shapes");
        return shapes.stream().map(JsonValue::asJsonObject).collect(Collectors.toMap(s -> s.getString("id"), s -> s));
    }

    @Test
    void anArrowBoundToTwoShapesIsStoredAndServedWithItsLabel() {
        assertEquals(201, put("a", BOX_A).status());
        assertEquals(201, put("b", BOX_B).status());
        Http.Reply created = put(
                "c",
                arrow(
                        "c",
                        "[100,30,300,30]",
                        "{\"shape\":\"a\",\"x\":1,\"y\":0.5}",
                        "{\"shape\":\"b\",\"x\":0,\"y\":0.5}",
                        "yes"));
        assertEquals(201, created.status(), created::toString);
        assertEquals("a", created.json().getJsonObject("start").getString("shape"));

        JsonObject c = shapes().get("c");
        assertEquals("a", c.getJsonObject("start").getString("shape"));
        assertEquals(1.0, c.getJsonObject("start").getJsonNumber("x").doubleValue());
        assertEquals(0.5, c.getJsonObject("start").getJsonNumber("y").doubleValue());
        assertEquals("b", c.getJsonObject("end").getString("shape"));
        assertEquals(0.0, c.getJsonObject("end").getJsonNumber("x").doubleValue());
        assertEquals("yes", c.getString("label"));
        assertFalse(shapes().get("a").containsKey("start"), "a shape that is no connector has no such fields");
    }

    @Test
    void badBindingsAndLabelsAreRefusedNamingTheField() {
        put("a", BOX_A);
        assertError(
                put("c", arrow("c", "[0,0,1,1]", "{\"shape\":\"nowhere\",\"x\":1,\"y\":0.5}", null, null)),
                400,
                "invalid",
                "start.shape");
        assertError(
                put("c", arrow("c", "[0,0,1,1]", "{\"shape\":\"a\",\"x\":1,\"y\":0.5,\"colour\":1}", null, null)),
                400,
                "invalid",
                "start.colour");
        assertError(
                put("c", arrow("c", "[0,0,1,1]", null, "{\"shape\":\"a\",\"x\":1.5,\"y\":0.5}", null)),
                400,
                "invalid",
                "end.x");
        assertError(
                put("r", "{\"kind\":\"rectangle\",\"points\":[0,0,1,1],\"label\":\"no\"}"), 400, "invalid", "label");
        assertError(put("c", arrow("c", "[0,0,1,1]", null, null, "x".repeat(201))), 400, "invalid", "label");
        assertEquals(
                201,
                put("c", arrow("c", "[0,0,1,1]", "{\"shape\":\"a\",\"x\":1,\"y\":0.5}", null, null))
                        .status());
        assertError(
                put("d", arrow("d", "[0,0,1,1]", "{\"shape\":\"c\",\"x\":1,\"y\":0.5}", null, null)),
                400,
                "invalid",
                "start.shape");
        assertEquals(List.of("a", "c"), shapes().keySet().stream().sorted().toList());
    }

    @Test
    void aShapeMovedWithItsConnectorIsSeenByTheWatcherAndRemovingItDropsTheBinding() {
        try (BoardClient a = BoardClient.join(AppServer.baseUri(), "alice", board);
                BoardClient b = BoardClient.join(AppServer.baseUri(), "bob", board)) {
            JsonObject drawn = a.send(
                    "changeShapes",
                    "\"put\":[{\"id\":\"a\"," + BOX_A.substring(1) + ",{\"id\":\"b\"," + BOX_B.substring(1) + ","
                            + arrow(
                                    "c",
                                    "[100,30,300,30]",
                                    "{\"shape\":\"a\",\"x\":1,\"y\":0.5}",
                                    "{\"shape\":\"b\",\"x\":0,\"y\":0.5}",
                                    null)
                            + "]");
            assertTrue(drawn.getBoolean("ok"), drawn::toString);
            b.nextFromServer("shapesChanged");
            a.nextFromServer("shapesChanged");

            // the mover sends the shape and its connector's new points in one change
            JsonObject moved = a.send(
                    "changeShapes",
                    "\"put\":[{\"id\":\"b\",\"kind\":\"rectangle\",\"points\":[300,200,400,260]},"
                            + arrow(
                                    "c",
                                    "[100,30,300,230]",
                                    "{\"shape\":\"a\",\"x\":1,\"y\":0.5}",
                                    "{\"shape\":\"b\",\"x\":0,\"y\":0.5}",
                                    null)
                            + "]");
            assertTrue(moved.getBoolean("ok"), moved::toString);
            JsonObject seen = b.nextFromServer("shapesChanged");
            a.nextFromServer("shapesChanged");
            assertEquals(List.of("b", "c"), ids(seen.getJsonArray("put")));
            assertEquals(
                    230,
                    seen.getJsonArray("put")
                            .getJsonObject(1)
                            .getJsonArray("points")
                            .getJsonNumber(3)
                            .intValue());

            JsonObject refused = a.send(
                    "changeShapes",
                    "\"put\":[" + arrow("d", "[0,0,5,5]", null, "{\"shape\":\"gone\",\"x\":0,\"y\":0}", null) + "]");
            assertFalse(refused.getBoolean("ok"), refused::toString);
            assertEquals(400, refused.getJsonObject("error").getInt("status"), refused::toString);

            // removing a bound shape: the connector's end stays where it was, unbound, for everyone
            JsonObject removed = b.send("changeShapes", "\"remove\":[\"b\"]");
            assertTrue(removed.getBoolean("ok"), removed::toString);
            JsonObject announced = a.nextFromServer("shapesChanged");
            assertEquals("[\"b\"]", announced.getJsonArray("removed").toString(), announced::toString);
            JsonObject unbound = announced.getJsonArray("put").getJsonObject(0);
            assertEquals("c", unbound.getString("id"));
            assertFalse(unbound.containsKey("end"), unbound::toString);
            assertEquals("a", unbound.getJsonObject("start").getString("shape"));

            JsonObject stored = shapes().get("c");
            assertFalse(stored.containsKey("end"), stored::toString);
            assertEquals(230, stored.getJsonArray("points").getJsonNumber(3).intValue(), "the end stays where it was");

            // and through REST: the other end goes too
            assertEquals(204, alice.delete("api/boards/" + board + "/shapes/a").status());
            JsonObject alone = shapes().get("c");
            assertFalse(alone.containsKey("start"), alone::toString);
            assertEquals(List.of("c"), List.copyOf(shapes().keySet()));
        }
    }

    private static List<String> ids(JsonArray shapes) {
        return shapes.stream().map(s -> s.asJsonObject().getString("id")).toList();
    }
}
