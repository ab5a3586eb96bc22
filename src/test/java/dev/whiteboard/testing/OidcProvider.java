package dev.whiteboard.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenID Connect provider for the tests: mock-oauth2-server (its jars fetched by the build into
 * {@code target/oidc-provider/lib}) in a JVM of its own on a free port. It signs everyone in without a login form:
 * the authorization-code flow always signs in {@code alice}; access tokens for the other test users come from the
 * client-credentials grant, chosen by a scope word ({@link #accessToken(String)}). Their groups:
 * <ul>
 * <li>{@code alice} (browser) and {@code bob}: {@value #DESIGN};</li>
 * <li>{@code carol}: {@code sales};</li>
 * <li>{@code erin}: {@value #ADMINS} (the administrators' group the OIDC test server is configured with);</li>
 * <li>{@code frank}: no group.</li>
 * </ul>
 * Scope words {@code expired} and {@code elsewhere} give bob's token already expired, or for another audience.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "whiteboard";
    public static final String CLIENT_SECRET = "test-secret";
    public static final String DESIGN = "design";
    public static final String ADMINS = "whiteboard-admins";
    /** The scope word of a token for bob after he left the design group: {@code accessToken(LEFT_DESIGN)}. */
    public static final String LEFT_DESIGN = "bobwithoutgroups";

    private final Path log;
    private final int port;
    private final Process process;

    private OidcProvider(Path log, int port, Process process) {
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Starts the provider and waits until its discovery document answers. */
    public static OidcProvider start() {
        try {
            Path work = Path.of(TestServer.property("whiteboard.it.work-dir"));
            Files.createDirectories(work);
            Path config = work.resolve("oidc-provider.json");
            Files.writeString(config, config());
            Path log = work.resolve("oidc-provider.log");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx128m",
                            "-cp",
                            Path.of(TestServer.property("whiteboard.it.oidc-provider"))
                                            .toAbsolutePath() + "/*",
                            "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JSON_CONFIG_PATH", config.toString());
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            OidcProvider provider = new OidcProvider(log, port, builder.start());
            provider.awaitReady();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer, which is also what the app is configured with as {@code whiteboard.oidc.provider-uri}. */
    /** {@code server} set to sign people in with this provider (as the README's OIDC settings do). */
    public TestServer signingInWith(TestServer server) {
        return server.withEnvironment("WHITEBOARD_OIDC_PROVIDER_URI", issuer())
                .withEnvironment("WHITEBOARD_OIDC_CLIENT_ID", CLIENT_ID)
                .withEnvironment("WHITEBOARD_OIDC_CLIENT_SECRET", CLIENT_SECRET);
    }

    public String issuer() {
        return "http://localhost:" + port + "/default";
    }

    /** An access token from the provider for {@code user} (or one of the special scope words). */
    public String accessToken(String user) {
        String form = "grant_type=client_credentials&scope=openid+" + user;
        JsonObject answer = post(URI.create(issuer() + "/token"), form);
        return answer.getString("access_token");
    }

    /** Where the provider ends its own session (RP-initiated logout), as its discovery document says. */
    public String endSessionEndpoint() {
        return get(URI.create(issuer() + "/.well-known/openid-configuration")).getString("end_session_endpoint");
    }

    /** The provider's JSON Web Key Set, as published. */
    public JsonObject keys() {
        return get(URI.create(issuer() + "/jwks"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String config() {
        String design = "\"" + DESIGN + "\"";
        return """
                {
                  "interactiveLogin": false,
                  "tokenCallbacks": [
                    {
                      "issuerId": "default",
                      "tokenExpiry": 3600,
                      "requestMappings": [
                        %s,
                        %s,
                        %s,
                        %s,
                        %s,
                        %s,
                        %s,
                        %s
                      ]
                    }
                  ]
                }
                """.formatted(
                        mapping("scope", ".*\\\\bexpired\\\\b.*", "bob", design, CLIENT_ID, ", \"exp\": 1000000000"),
                        mapping("scope", ".*\\\\belsewhere\\\\b.*", "bob", design, "another-app", ""),
                        mapping("scope", ".*\\\\b" + LEFT_DESIGN + "\\\\b.*", "bob", "", CLIENT_ID, ""),
                        mapping("scope", ".*\\\\bbob\\\\b.*", "bob", design, CLIENT_ID, ""),
                        mapping("scope", ".*\\\\bcarol\\\\b.*", "carol", "\"sales\"", CLIENT_ID, ""),
                        mapping("scope", ".*\\\\berin\\\\b.*", "erin", "\"" + ADMINS + "\"", CLIENT_ID, ""),
                        mapping("scope", ".*\\\\bfrank\\\\b.*", "frank", "", CLIENT_ID, ""),
                        mapping("grant_type", "authorization_code", "alice", design, CLIENT_ID, ""));
    }

    private static String mapping(
            String param, String match, String user, String groups, String audience, String extra) {
        return ("{\"requestParam\": \"%s\", \"match\": \"%s\", \"claims\": {\"sub\": \"%s\", \"preferred_username\":"
                        + " \"%s\", \"groups\": [%s], \"aud\": [\"%s\"]%s}}")
                .formatted(param, match, user, user, groups, audience, extra);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mock-oauth2-server exited; log:\n" + logText());
            }
            try {
                get(URI.create(issuer() + "/.well-known/openid-configuration"));
                return;
            } catch (RuntimeException e) {
                Eventually.pause();
            }
        }
        close();
        throw new IllegalStateException("mock-oauth2-server did not answer in 60 s; log:\n" + logText());
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private static JsonObject get(URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    private static JsonObject post(URI uri, String form) {
        String basic =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private static JsonObject send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logText() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
