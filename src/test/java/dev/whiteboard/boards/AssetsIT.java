package dev.whiteboard.boards;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.Images;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A board's image assets over REST: stored once by content, served as what the bytes are with long cache headers,
 * what is refused (SVG, a PNG followed by a page, too large), who may upload, and image shapes that name them.
 */
@ExtendWith(SharedServer.class)
class AssetsIT {

    private Http alice;
    private String board;

    @BeforeEach
    void newBoard() {
        alice = Http.as(SharedServer.baseUri(), "alice");
        board = alice.postJson("api/boards", "{\"title\":\"assets\"}").json().getString("id");
    }

    private String assets() {
        return "api/boards/" + board + "/assets";
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theSameBytesAreOneAssetNamedByTheirContent() throws Exception {
        byte[] png = Images.encode("png");
        Http.Reply first = alice.post(assets(), "image/png", png);
        assertEquals(201, first.status(), first::toString);
        JsonObject asset = first.json();
        assertEquals(sha256(png), asset.getString("id"));
        assertEquals("image/png", asset.getString("type"));
        assertEquals(32, asset.getInt("width"));
        assertEquals(16, asset.getInt("height"));
        assertEquals(png.length, asset.getInt("bytes"));
        assertTrue(first.header("Location").endsWith(assets() + "/" + asset.getString("id")), first::toString);

        Http.Reply again = alice.post(assets(), "application/octet-stream", png);
        assertEquals(200, again.status(), again::toString);
        assertEquals(asset, again.json());

        Http.Reply other = alice.post(assets(), "image/gif", Images.encode("gif"));
        assertEquals(201, other.status(), other::toString);
        assertNotEquals(asset.getString("id"), other.json().getString("id"));
    }

    @Test
    void anAssetIsServedAsWhatItsBytesAreCachedForAYear() {
        byte[] jpeg = Images.encode("jpg");
        String id = alice.post(assets(), "image/png", jpeg).json().getString("id"); // the claim is wrong
        Http.Reply download = alice.get(assets() + "/" + id);
        assertEquals(200, download.status(), download::toString);
        assertArrayEquals(jpeg, download.body());
        assertEquals("image/jpeg", download.header("Content-Type"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        String cache = download.header("Cache-Control");
        assertTrue(cache.contains("max-age=31536000") && cache.contains("immutable"), cache);
        assertTrue(download.header("Content-Disposition").startsWith("inline; filename=\"image-"));

        Http.Reply revalidated = alice.send(alice.request(assets() + "/" + id)
                .header("If-None-Match", download.header("ETag"))
                .GET());
        assertEquals(304, revalidated.status());

        assertError(alice.get(assets() + "/" + "0".repeat(64)), 404, "not_found", null);
        assertError(alice.get(assets() + "/not-an-id"), 404, "not_found", null);
        String otherBoard =
                alice.postJson("api/boards", "{\"title\":\"other\"}").json().getString("id");
        assertError(alice.get("api/boards/" + otherBoard + "/assets/" + id), 404, "not_found", null);
    }

    @Test
    void svgAndWhatIsNotExactlyOneImageAreRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        JsonObject refused = assertError(alice.post(assets(), "image/svg+xml", svg), 415, "unsupported_type", null);
        assertTrue(refused.getString("message").contains("SVG"), refused::toString);
        assertError(alice.post(assets(), "image/png", svg), 415, "unsupported_type", null);

        byte[] png = Images.encode("png");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = Arrays.copyOf(png, png.length + html.length);
        System.arraycopy(html, 0, polyglot, png.length, html.length);
        JsonObject body = assertError(alice.post(assets(), "image/png", polyglot), 415, "unsupported_type", null);
        assertTrue(body.getString("message").contains("after the end"), body::toString);
        assertError(alice.post(assets(), "image/png", new byte[0]), 400, "invalid", null);
    }

    @Test
    void imagesOverTheLimitsAreRefused() {
        JsonObject bomb = assertError(
                alice.post(assets(), "image/png", Images.pngDeclaring(20_000, 20_000)), 413, "too_large", null);
        assertTrue(bomb.getString("message").contains("megapixels"), bomb::toString);
        byte[] tooLarge = Images.pngOfLength(10 * 1024 * 1024 + 1);
        Http uploads = Http.withOwnConnections(SharedServer.baseUri());
        assertError(uploads.post(assets(), "image/png", tooLarge), 413, "too_large", null);
        assertEquals(
                201,
                alice.post(assets(), "image/png", Images.pngOfLength(10 * 1024 * 1024))
                        .status());
    }

    @Test
    void viewersReadAssetsButDoNotUploadThem() {
        String id =
                alice.post(assets(), "image/png", Images.encode("png")).json().getString("id");
        assertEquals(
                200,
                alice.putJson("api/boards/" + board + "/members/bob", "{\"role\":\"viewer\"}")
                        .status());
        Http bob = Http.as(SharedServer.baseUri(), "bob");
        assertError(bob.post(assets(), "image/png", Images.encode("gif")), 403, "forbidden", null);
        assertEquals(200, bob.get(assets() + "/" + id).status());
        assertError(
                bob.putJson(
                        "api/boards/" + board + "/shapes/i",
                        "{\"kind\":\"image\",\"asset\":\"" + id + "\",\"points\":[0,0,32,16]}"),
                403,
                "forbidden",
                null);
    }

    @Test
    void anImageShapeNamesAnAssetOfItsBoard() {
        String id =
                alice.post(assets(), "image/png", Images.encode("png")).json().getString("id");
        Http.Reply put = alice.putJson(
                "api/boards/" + board + "/shapes/pic",
                "{\"kind\":\"image\",\"asset\":\"" + id + "\",\"points\":[10,10,74,42]}");
        assertEquals(201, put.status(), put::toString);
        assertEquals(id, put.json().getString("asset"));

        JsonObject unknown = assertError(
                alice.putJson(
                        "api/boards/" + board + "/shapes/pic2",
                        "{\"kind\":\"image\",\"asset\":\"" + "0".repeat(64) + "\",\"points\":[0,0,1,1]}"),
                400,
                "invalid",
                "asset");
        assertTrue(unknown.getString("message").contains("no asset"), unknown::toString);
        String otherBoard =
                alice.postJson("api/boards", "{\"title\":\"other\"}").json().getString("id");
        assertError(
                alice.putJson(
                        "api/boards/" + otherBoard + "/shapes/pic",
                        "{\"kind\":\"image\",\"asset\":\"" + id + "\",\"points\":[0,0,1,1]}"),
                400,
                "invalid",
                "asset");
        assertError(
                alice.putJson(
                        "api/boards/" + board + "/shapes/pic",
                        "{\"kind\":\"image\",\"asset\":\"" + id + "\",\"points\":[0,0,1,1],\"crop\":[0,0]}"),
                400,
                "invalid",
                "crop");
    }

    @Test
    void aDuplicatedBoardKeepsItsImagesAndRemovingTheLastOneKeepsTheAssetForUndo() {
        byte[] png = Images.encode("png");
        String id = alice.post(assets(), "image/png", png).json().getString("id");
        String shape = "{\"kind\":\"image\",\"asset\":\"" + id + "\",\"points\":[0,0,32,16]}";
        assertEquals(
                201, alice.putJson("api/boards/" + board + "/shapes/pic", shape).status());

        Http.Reply copy = alice.postJson("api/boards/" + board + "/duplicate", "");
        assertEquals(201, copy.status(), copy::toString);
        String copied = copy.json().getString("id");
        JsonObject pic = alice.get("api/boards/" + copied + "/diagram")
                .json()
                .getJsonArray("shapes")
                .getJsonObject(0);
        assertEquals(id, pic.getString("asset"));
        Http.Reply image = alice.get("api/boards/" + copied + "/assets/" + id);
        assertEquals(200, image.status(), image::toString);
        assertArrayEquals(png, image.body());

        assertEquals(204, alice.delete("api/boards/" + board + "/shapes/pic").status());
        assertEquals(200, alice.get(assets() + "/" + id).status(), "kept for an undo");
        assertEquals(
                200,
                alice.putJson("api/boards/" + board + "/shapes/pic", shape.replace("{", "{\"restore\":true,"))
                        .status(),
                "the undo");
        assertFalse(alice.get("api/boards/" + board + "/diagram")
                .json()
                .getJsonArray("shapes")
                .isEmpty());
    }
}
