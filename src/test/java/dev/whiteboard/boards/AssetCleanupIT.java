package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import dev.whiteboard.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a server of its own with small asset settings: unused assets are deleted after the grace period
 * ({@code whiteboard.assets.grace-seconds}; here 5 s, checked every second) while those a shape shows stay; the limits
 * on bytes and on assets per board are the configured ones; and on private boards ({@code default-role=none})
 * someone without a role neither reads nor uploads.
 */
class AssetCleanupIT {

    private static final int MAX_BYTES = 4096;

    private static TestServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        // a database of its own: a 5 s grace would delete the other servers' fresh uploads
        server = TestServer.onOwnDatabase("asset_cleanup")
                .withEnvironment("WHITEBOARD_BOARDS_DEFAULT_ROLE", "none")
                .withEnvironment("WHITEBOARD_ASSETS_GRACE_SECONDS", "5")
                .withEnvironment("WHITEBOARD_ASSETS_CHECK_SECONDS", "1")
                // the version history keeps what its shapes show: here it forgets them within seconds
                .withEnvironment("WHITEBOARD_HISTORY_RETENTION", "PT3S")
                .withEnvironment("WHITEBOARD_HISTORY_CHECK_SECONDS", "1")
                .withEnvironment("WHITEBOARD_ASSETS_MAX_BYTES", String.valueOf(MAX_BYTES))
                .withEnvironment("WHITEBOARD_ASSETS_MAX_PER_BOARD", "3")
                .startFresh();
        base = server.baseUri();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String board(Http owner) {
        Http.Reply created = owner.postJson("api/boards", "{\"title\":\"assets\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private static String upload(Http http, String board, byte[] image) {
        Http.Reply uploaded = http.post("api/boards/" + board + "/assets", "image/png", image);
        assertEquals(201, uploaded.status(), uploaded::toString);
        return uploaded.json().getString("id");
    }

    private static String image(String asset) {
        return "{\"kind\":\"image\",\"asset\":\"" + asset + "\",\"points\":[0,0,32,16]}";
    }

    @Test
    void unusedAssetsGoAfterTheGracePeriodAndUsedOnesStay() {
        Http alice = Http.as(base, "alice");
        String board = board(alice);
        String used = upload(alice, board, Images.encode("png"));
        assertEquals(
                201,
                alice.putJson("api/boards/" + board + "/shapes/used", image(used))
                        .status());
        String never = upload(alice, board, Images.encode("gif"));
        String removed = upload(alice, board, Images.encode("jpg"));
        assertEquals(
                201,
                alice.putJson("api/boards/" + board + "/shapes/gone", image(removed))
                        .status());
        assertEquals(204, alice.delete("api/boards/" + board + "/shapes/gone").status());
        assertEquals(
                200, alice.get("api/boards/" + board + "/assets/" + removed).status(), "within the grace");

        Eventually.until(
                "the unused assets are deleted (the removed shape's once the version history no longer has it)",
                Duration.ofSeconds(30),
                () -> alice.get("api/boards/" + board + "/assets/" + never).status() == 404
                        && alice.get("api/boards/" + board + "/assets/" + removed)
                                        .status()
                                == 404);
        assertEquals(200, alice.get("api/boards/" + board + "/assets/" + used).status(), "a live shape shows it");
        assertError(
                alice.putJson(
                        "api/boards/" + board + "/shapes/gone", image(removed).replace("{", "{\"restore\":true,")),
                400,
                "invalid",
                "asset");
        assertError(alice.postJson("api/boards/" + board + "/shapes/gone/recover", ""), 404, "not_found", "shape");
    }

    @Test
    void theConfiguredLimitsHold() {
        Http alice = Http.as(base, "alice");
        String board = board(alice);
        assertError(
                alice.post("api/boards/" + board + "/assets", "image/png", Images.pngOfLength(MAX_BYTES + 1)),
                413,
                "too_large",
                null);
        String[] shown = {
            upload(alice, board, Images.pngOfLength(MAX_BYTES)),
            upload(alice, board, Images.encode("gif")),
            upload(alice, board, Images.encode("png"))
        };
        for (int i = 0; i < shown.length; i++) {
            assertEquals(
                    201,
                    alice.putJson("api/boards/" + board + "/shapes/s" + i, image(shown[i]))
                            .status());
        }
        var full = assertError(
                alice.post("api/boards/" + board + "/assets", "image/jpeg", Images.encode("jpg")),
                413,
                "too_large",
                null);
        assertTrue(full.getString("message").contains("at most 3 images"), full::toString);
        assertEquals(
                200,
                alice.post("api/boards/" + board + "/assets", "image/png", Images.encode("png"))
                        .status(),
                "the same bytes again are no new asset");
    }

    @Test
    void withoutARoleOnAPrivateBoardNobodyReadsOrUploads() {
        Http alice = Http.as(base, "alice");
        String board = board(alice);
        String asset = upload(alice, board, Images.encode("png"));
        assertEquals(
                201,
                alice.putJson("api/boards/" + board + "/shapes/s", image(asset)).status());
        Http carol = Http.as(base, "carol");
        assertError(carol.get("api/boards/" + board + "/assets/" + asset), 403, "forbidden", null);
        assertError(
                carol.post("api/boards/" + board + "/assets", "image/gif", Images.encode("gif")),
                403,
                "forbidden",
                null);
    }
}
