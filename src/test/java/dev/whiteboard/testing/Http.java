package dev.whiteboard.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for system tests: real requests with the JDK client, JSON read with JSON-P. Signed in with
 * HTTP Basic as a demo user ({@code alice} unless another is asked for), or anonymous.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** The password of every demo account. */
    public static final String DEMO_PASSWORD = "whiteboard";

    private final URI base;
    private final HttpClient client;
    private final String authorization;

    /** Signed in as {@code alice}. */
    public Http(URI base) {
        this(base, CLIENT, basic("alice", DEMO_PASSWORD));
    }

    private Http(URI base, HttpClient client, String authorization) {
        this.base = base;
        this.client = client;
        this.authorization = authorization;
    }

    /** Signed in as the demo user {@code user}. */
    public static Http as(URI base, String user) {
        return new Http(base, CLIENT, basic(user, DEMO_PASSWORD));
    }

    /** Signed in with the given name and password. */
    public static Http withPassword(URI base, String user, String password) {
        return new Http(base, CLIENT, basic(user, password));
    }

    /** Signed in with an access token of an OpenID Connect provider ({@code Authorization: Bearer}). */
    public static Http withBearer(URI base, String token) {
        return new Http(base, CLIENT, "Bearer " + token);
    }

    /** Not signed in. */
    public static Http anonymous(URI base) {
        return new Http(base, CLIENT, null);
    }

    /** Signed in as the demo user {@code user}, through {@code client} (e.g. one that trusts a test gateway). */
    public static Http via(HttpClient client, URI base, String user) {
        return new Http(base, client, user == null ? null : basic(user, DEMO_PASSWORD));
    }

    /** A client with connections of its own, for requests that may leave a connection unusable (huge uploads). */
    public static Http withOwnConnections(URI base) {
        return new Http(
                base,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                basic("alice", DEMO_PASSWORD));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A response with its body as bytes, readable as text or JSON. */
    public record Reply(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        private JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(text()))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply putJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply put(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = request(path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
