package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A board's background image: upload, download, replace, remove, and what is refused. */
@ExtendWith(SharedServer.class)
class BackgroundIT {

    private static final int LIMIT = 10 * 1024 * 1024;

    private Http http;
    private String board;

    @BeforeEach
    void newBoard() {
        http = new Http(SharedServer.baseUri());
        board = http.postJson("api/boards", "{\"title\":\"background\"}").json().getString("id");
    }

    @Test
    void anUploadedImageIsServedBackAsItsRealTypeAndShownInTheDiagram() {
        byte[] png = image("png");
        Http.Reply uploaded = http.put(path(), "application/octet-stream", png);
        assertEquals(200, uploaded.status(), uploaded::toString);
        assertEquals("image/png", uploaded.json().getString("contentType"));
        String url = uploaded.json().getString("url");
        assertTrue(url.startsWith("api/boards/" + board + "/background?v="), url);

        JsonObject diagram = http.get("api/boards/" + board + "/diagram").json();
        assertEquals(1, diagram.getInt("version"));
        assertEquals(url, diagram.getJsonObject("background").getString("url"));

        Http.Reply download = http.get(url);
        assertEquals(200, download.status());
        assertArrayEquals(png, download.body());
        assertEquals("image/png", download.header("Content-Type"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertEquals("inline; filename=\"background-" + board + ".png\"", download.header("Content-Disposition"));
        assertTrue(download.header("Cache-Control").contains("max-age=31536000"), download.header("Cache-Control"));

        Http.Reply plain = http.get(path());
        assertTrue(plain.header("Cache-Control").contains("no-cache"), plain.header("Cache-Control"));
        Http.Reply revalidated = http.send(http.request(path())
                .header("If-None-Match", plain.header("ETag"))
                .GET());
        assertEquals(304, revalidated.status());
    }

    @Test
    void theTypeComesFromTheBytesNotFromWhatTheUploaderClaims() {
        byte[] jpeg = image("jpg");
        assertEquals("image/jpeg", http.put(path(), "image/png", jpeg).json().getString("contentType"));
        assertEquals("image/jpeg", http.get(path()).header("Content-Type"));
        byte[] gif = image("gif");
        assertEquals("image/gif", http.put(path(), "image/gif", gif).json().getString("contentType"));
        assertArrayEquals(gif, http.get(path()).body(), "a new upload replaces the old");
        assertEquals(2, http.get("api/boards/" + board).json().getInt("version"));
    }

    @Test
    void whatIsNotAnImageIsRefusedAndTheOldBackgroundStays() {
        byte[] png = image("png");
        http.put(path(), "image/png", png);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
        assertError(
                http.put(path(), "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)), 415, "unsupported_type", null);
        assertError(
                http.put(path(), "image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                415,
                "unsupported_type",
                null);
        assertError(http.put(path(), "image/png", new byte[0]), 400, "invalid", null);
        assertArrayEquals(png, http.get(path()).body());
        assertEquals(1, http.get("api/boards/" + board).json().getInt("version"));
    }

    @Test
    void imagesOverTheLimitAreRefusedWhetherTheSizeIsDeclaredOrNot() {
        byte[] tooLarge = new byte[LIMIT + 1];
        byte[] png = image("png");
        System.arraycopy(png, 0, tooLarge, 0, png.length);
        Http uploads = Http.withOwnConnections(SharedServer.baseUri());
        assertError(uploads.put(path(), "image/png", tooLarge), 413, "too_large", null);
        Http.Reply streamed = uploads.send(uploads.request(path())
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))));
        assertError(streamed, 413, "too_large", null);
        assertError(http.get(path()), 404, "not_found", null);

        byte[] atLimit = Images.pngOfLength(LIMIT);
        assertEquals(200, http.put(path(), "image/png", atLimit).status());
        assertEquals(LIMIT, http.get(path()).body().length);
    }

    @Test
    void imageBombsAreRefusedByTheirDeclaredSizeAndNothingIsStored() {
        byte[] png = image("png");
        http.put(path(), "image/png", png);
        JsonObject twentyThousand =
                assertError(http.put(path(), "image/png", Images.pngDeclaring(20_000, 20_000)), 413, "too_large", null);
        assertTrue(twentyThousand.getString("message").contains("megapixels"), twentyThousand::toString);
        assertError(
                http.put(path(), "image/png", Images.pngDeclaring(Integer.MAX_VALUE, Integer.MAX_VALUE)),
                413,
                "too_large",
                null);
        assertArrayEquals(png, http.get(path()).body(), "the old background stays");
        assertEquals(1, http.get("api/boards/" + board).json().getInt("version"));

        Http.Reply fits = http.put(path(), "image/png", Images.pngDeclaring(8_000, 5_000));
        assertEquals(200, fits.status(), fits::toString);
    }

    @Test
    void anImageFollowedByAPageOrCutShortIsRefused() {
        byte[] png = image("png");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = Arrays.copyOf(png, png.length + html.length);
        System.arraycopy(html, 0, polyglot, png.length, html.length);
        JsonObject body = assertError(http.put(path(), "image/png", polyglot), 415, "unsupported_type", null);
        assertTrue(body.getString("message").contains("after the end"), body::toString);
        byte[] jpeg = image("jpg");
        assertError(
                http.put(path(), "image/jpeg", Arrays.copyOf(jpeg, jpeg.length - 10)), 415, "unsupported_type", null);
        assertError(http.get(path()), 404, "not_found", null);
    }

    @Test
    void aRemovedBackgroundIsGone() {
        http.put(path(), "image/png", image("png"));
        assertEquals(204, http.delete(path()).status());
        assertError(http.get(path()), 404, "not_found", null);
        JsonObject diagram = http.get("api/boards/" + board + "/diagram").json();
        assertTrue(!diagram.containsKey("background"));
        assertEquals(2, diagram.getInt("version"));
        assertEquals(204, http.delete(path()).status(), "removing again is harmless");
        assertEquals(2, http.get("api/boards/" + board).json().getInt("version"));
    }

    @Test
    void unknownBoardsHaveNoBackground() {
        assertError(http.put("api/boards/zzzzzzzzzz/background", "image/png", image("png")), 404, "not_found", null);
        assertError(http.get("api/boards/zzzzzzzzzz/background"), 404, "not_found", null);
        assertError(http.delete("api/boards/zzzzzzzzzz/background"), 404, "not_found", null);
    }

    private String path() {
        return "api/boards/" + board + "/background";
    }

    private static byte[] image(String format) {
        return Images.encode(format);
    }
}
