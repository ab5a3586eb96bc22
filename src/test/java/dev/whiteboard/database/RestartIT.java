package dev.whiteboard.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import dev.whiteboard.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Boards survive the server: a clean stop and a {@code kill -9}, each followed by a start on the same data
 * (the H2 file by default, or the PostgreSQL database the run was given). Runs its own server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static TestServer server;
    private static String stoppedBoard;
    private static JsonObject stoppedDiagram;
    private static byte[] background;

    @BeforeAll
    static void start() {
        server = TestServer.onConfiguredDatabase("restart").startFresh();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    @Order(1)
    void aBoardWithShapesAndBackgroundSurvivesACleanRestart() {
        Http http = new Http(server.baseUri());
        stoppedBoard =
                http.postJson("api/boards", "{\"title\":\"survives\"}").json().getString("id");
        http.putJson("api/boards/" + stoppedBoard + "/shapes/s1", "{\"kind\":\"pen\",\"points\":[1,2,3,4]}");
        http.putJson(
                "api/boards/" + stoppedBoard + "/shapes/s2",
                "{\"kind\":\"text\",\"text\":\"still here\",\"points\":[5,5]}");
        http.delete("api/boards/" + stoppedBoard + "/shapes/s1");
        background = Images.encode("png");
        assertEquals(
                200,
                http.put("api/boards/" + stoppedBoard + "/background", "image/png", background)
                        .status());
        stoppedDiagram = http.get("api/boards/" + stoppedBoard + "/diagram").json();
        assertEquals(4, stoppedDiagram.getInt("version"));

        server.stop();
        server.start();

        Http after = new Http(server.baseUri());
        assertEquals(
                stoppedDiagram,
                after.get("api/boards/" + stoppedBoard + "/diagram").json());
        assertArrayEquals(
                background,
                after.get("api/boards/" + stoppedBoard + "/background").body());
        JsonObject next = after.putJson(
                        "api/boards/" + stoppedBoard + "/shapes/s3", "{\"kind\":\"pen\",\"points\":[0,0]}")
                .json();
        assertEquals(5, next.getInt("version"), "versions go on from where they were");
    }

    @Test
    @Order(2)
    void everyAcknowledgedChangeSurvivesAKill() {
        Http http = new Http(server.baseUri());
        String board =
                http.postJson("api/boards", "{\"title\":\"killed\"}").json().getString("id");
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    201,
                    http.putJson(
                                    "api/boards/" + board + "/shapes/k" + i,
                                    "{\"kind\":\"pen\",\"points\":[" + i + "," + i + "]}")
                            .status());
        }
        JsonObject acknowledged = http.get("api/boards/" + board + "/diagram").json();

        server.kill();
        server.start();

        Http after = new Http(server.baseUri());
        assertEquals(acknowledged, after.get("api/boards/" + board + "/diagram").json());
        assertEquals(
                stoppedDiagram.getJsonObject("board").getString("title"),
                after.get("api/boards/" + stoppedBoard).json().getString("title"));
    }
}
