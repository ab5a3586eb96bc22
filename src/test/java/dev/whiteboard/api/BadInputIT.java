package dev.whiteboard.api;

import static dev.whiteboard.testing.Assertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Input an attacker crafts, through REST: numbers that would wrap or truncate, lone surrogates, huge and deeply
 * nested bodies, and requests the container itself refuses. Each is refused with the right status and a JSON
 * error body, nothing is stored, and the ordinary request beside it still works.
 */
@ExtendWith(SharedServer.class)
class BadInputIT {

    private Http http;
    private String board;

    @BeforeEach
    void newBoard() {
        http = new Http(SharedServer.baseUri());
        board = http.postJson("api/boards", "{\"title\":\"bad input\"}").json().getString("id");
    }

    @Test
    void zOutOfRangeOrNotWholeIsRefusedAndNothingStored() {
        for (String z : new String[] {"9223372036854775808", "1e19", "1.5", "\"5\""}) {
            JsonObject error = assertError(http.putJson(shape("s1"), shapeWithZ(z)), 400, "invalid", "z");
            assertTrue(error.getString("message").contains("whole number"), error::toString);
        }
        assertEquals(0, diagramShapes(), "nothing stored");
        assertEquals(0, http.get("api/boards/" + board).json().getInt("version"));

        Http.Reply stored = http.putJson(shape("s1"), shapeWithZ("9223372036854775807"));
        assertEquals(201, stored.status(), stored::toString);
        assertEquals(Long.MAX_VALUE, stored.json().getJsonNumber("z").longValueExact());
    }

    @Test
    void aReadMarkerOutOfRangeIsRefused() {
        String read = "api/chat/board:" + board + "/read";
        assertError(http.postJson(read, "{\"lastReadId\":1e30}"), 400, "invalid", "lastReadId");
        assertError(http.postJson(read, "{\"lastReadId\":2.5}"), 400, "invalid", "lastReadId");
        Http.Reply fine = http.postJson(read, "{\"lastReadId\":0}");
        assertEquals(200, fine.status(), fine::toString);
    }

    @Test
    void aLoneSurrogateIsRefusedNamingTheField() {
        assertError(http.postJson("api/boards", "{\"title\":\"a\\ud800b\"}"), 400, "invalid", "title");
        String text = "{\"kind\":\"text\",\"points\":[0,0],\"text\":\"\\udc00\"}";
        assertError(http.putJson(shape("t1"), text), 400, "invalid", "text");
        assertEquals(0, diagramShapes());
        Http.Reply emoji = http.postJson("api/boards", "{\"title\":\"party \\ud83c\\udf89\"}");
        assertEquals(201, emoji.status(), emoji::toString);
        assertEquals("party \ud83c\udf89", emoji.json().getString("title"));
    }

    @Test
    void bodiesOverTheLimitAreRefusedWhetherTheirLengthIsDeclaredOrNot() {
        String title = "x".repeat(2 * 1024 * 1024);
        byte[] body = ("{\"title\":\"" + title + "\"}").getBytes(StandardCharsets.UTF_8);
        Http own = Http.withOwnConnections(SharedServer.baseUri());
        assertError(
                own.send("POST", "api/boards", "application/json", new String(body, StandardCharsets.UTF_8)),
                413,
                "too_large",
                null);
        Http.Reply streamed = own.send(own.request("api/boards")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertError(streamed, 413, "too_large", null);
        Http.Reply after = own.postJson("api/boards", "{\"title\":\"fine\"}");
        assertEquals(201, after.status(), "the connection still works: " + after);
    }

    @Test
    void deeplyNestedJsonIsRefusedWith400() {
        String deep = "{\"title\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        JsonObject error = assertError(http.postJson("api/boards", deep), 400, "invalid", null);
        assertTrue(error.getString("message").contains("nested"), error::toString);
    }

    @Test
    void bodiesThatAreNotJsonGetAPlainMessage() {
        for (String junk : new String[] {"{", "not json", "{\"title\":}"}) {
            JsonObject error = assertError(http.postJson("api/boards", junk), 400, "invalid", null);
            String message = error.getString("message");
            for (String word : new String[] {"Exception", "yasson", "parsson", "Internal", "jakarta", "class "}) {
                assertFalse(message.contains(word), message);
            }
        }
    }

    @Test
    void unsupportedAndMalformedContentTypesGetJsonErrors() {
        assertError(http.send("POST", "api/boards", "text/plain", "{\"title\":\"t\"}"), 415, "unsupported_type", null);
        Http.Reply malformed = raw("POST /api/boards HTTP/1.1", "Content-Type: ;;;=", "{\"title\":\"t\"}");
        assertTrue(malformed.status() == 400 || malformed.status() == 415, malformed::toString);
        assertJsonError(malformed);
    }

    /**
     * Payara's HTTP layer (Grizzly) refuses a NUL in the path itself, with an empty 400, before any servlet or error
     * page: no body is acceptable, an HTML page is not; where the servlet container answers, the body is ours.
     */
    @Test
    void aNulInThePathGetsNoHtmlPage() {
        Http.Reply nul = raw("GET /api/boards/%00 HTTP/1.1", null, null);
        assertTrue(nul.status() == 400 || nul.status() == 404, nul::toString);
        if (nul.body().length > 0) {
            assertJsonError(nul);
        }
        Http.Reply inName = raw("GET /api/boards/abc%00def HTTP/1.1", null, null);
        assertTrue(inName.status() == 400 || inName.status() == 404, inName::toString);
        if (inName.body().length > 0) {
            assertJsonError(inName);
        }
    }

    private static void assertJsonError(Http.Reply reply) {
        String type = reply.header("Content-Type");
        assertTrue(type != null && type.startsWith("application/json"), reply::toString);
        JsonObject body = reply.json();
        assertEquals(reply.status(), body.getInt("status"), reply::toString);
        assertFalse(reply.text().contains("<html"), reply::toString);
    }

    /** A request written by hand: the JDK's client refuses to send a malformed header or a raw %00 for us. */
    private Http.Reply raw(String requestLine, String header, String body) {
        URI base = SharedServer.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            StringBuilder request = new StringBuilder(requestLine.replace(" /api/", " " + base.getPath() + "api/"))
                    .append("\r\nHost: ")
                    .append(base.getHost())
                    .append(':')
                    .append(base.getPort())
                    .append("\r\nAuthorization: ")
                    .append(http.request("api/boards")
                            .build()
                            .headers()
                            .firstValue("Authorization")
                            .orElse(""))
                    .append("\r\nConnection: close\r\n");
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (header != null) {
                request.append(header).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Http.Reply parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = unchunk(body);
        }
        return new Http.Reply(status, HttpHeaders.of(headers, (a, b) -> true), body);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = lineEnd(chunked, pos);
            String size = new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, length);
            pos = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private int diagramShapes() {
        return http.get("api/boards/" + board + "/diagram")
                .json()
                .getJsonArray("shapes")
                .size();
    }

    private String shape(String id) {
        return "api/boards/" + board + "/shapes/" + id;
    }

    private static String shapeWithZ(String z) {
        return "{\"kind\":\"rectangle\",\"points\":[0,0,10,10],\"z\":" + z + "}";
    }
}
