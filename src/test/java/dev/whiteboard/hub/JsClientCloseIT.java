package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.UpstreamReceiver;
import dev.whiteboard.testing.UpstreamReceiver.Received;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Microsoft's official JavaScript client ({@code @azure/web-pubsub-client}, which speaks the reliable subprotocol by
 * default) run by Node as a new user would run it: after {@code client.stop()} (a close frame without a code) the
 * connection ends at once: the event handler hears {@code disconnected}, the hub no longer knows the connection, and
 * on a board the app's presence drops the person, all long before the 30 s a vanished reliable client is waited for.
 * The client and its script are in {@code src/test/node} (installed by the build with {@code npm ci}).
 */
@ExtendWith({SharedServer.class, AppServer.class})
class JsClientCloseIT {

    private static final Duration WELL_BEFORE_RECOVERY_ENDS = Duration.ofSeconds(10);

    @Test
    void stopEndsTheConnectionAtOnce() throws Exception {
        String hub = "js" + UUID.randomUUID().toString().replace("-", "");
        WebPubSubServiceClient sdk = SharedServer.hubClient(hub);
        UpstreamReceiver upstream = SharedServer.upstream();
        String url = sdk.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("jules"))
                .getUrl();
        try (JsClient client = JsClient.start(url)) {
            JsonObject connected = client.next("connected");
            String connectionId = connected.getString("connectionId");
            assertEquals("jules", connected.getString("userId"));
            Received connectedEvent = upstream.next(hub, "connected");
            assertEquals("json.reliable.webpubsub.azure.v1", connectedEvent.header("ce-subprotocol"));
            assertTrue(sdk.connectionExistsWithResponse(connectionId, null).getValue());

            client.stop();
            Received disconnected = upstream.next(hub, "disconnected"); // at most 10 s; recovery would wait 30
            assertEquals(connectionId, disconnected.header("ce-connectionId"));
            assertEquals("", json(disconnected.text()).getString("reason"), "stop() sends no reason");
            Eventually.until(
                    "the connection gone",
                    WELL_BEFORE_RECOVERY_ENDS,
                    () -> !sdk.connectionExistsWithResponse(connectionId, null).getValue());
            client.next("stopped");
        }
    }

    @Test
    void onABoardThePersonWhoStopsLeavesThePresenceAtOnce() throws Exception {
        Http alice = Http.as(AppServer.baseUri(), "alice");
        Http.Reply created = alice.postJson("api/boards", "{\"title\":\"Stopping\"}");
        assertEquals(201, created.status(), created::toString);
        String board = created.json().getString("id");
        String url = Http.as(AppServer.baseUri(), "bob")
                .get("api/negotiate?board=" + board)
                .json()
                .getString("url");
        try (JsClient bob = JsClient.start(url)) {
            bob.next("connected");
            Eventually.until(
                    "bob present", WELL_BEFORE_RECOVERY_ENDS, () -> people(alice, board), p -> p.contains("bob"));
            bob.stop();
            Eventually.until(
                    "bob gone from the presence",
                    WELL_BEFORE_RECOVERY_ENDS,
                    () -> people(alice, board),
                    p -> !p.contains("bob"));
            bob.next("stopped");
        }
    }

    private static Set<String> people(Http http, String board) {
        JsonArray people = http.get("api/boards/" + board + "/presence").array();
        return people.stream()
                .map(JsonValue::asJsonObject)
                .map(p -> p.getString("user"))
                .collect(Collectors.toSet());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** {@code src/test/node/stop-client.mjs} in a Node process: its events as JSON lines, "stop" on its input. */
    private static final class JsClient implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
        private final Writer input;

        private JsClient(Process process) {
            this.process = process;
            this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader lines = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line; (line = lines.readLine()) != null; ) {
                                if (line.startsWith("{")) {
                                    events.add(json(line));
                                }
                            }
                        } catch (IOException e) {
                            // the process ended
                        }
                    },
                    "js-client-output");
            reader.setDaemon(true);
            reader.start();
        }

        static JsClient start(String url) throws IOException {
            Path dir = Path.of(System.getProperty("whiteboard.it.node-clients", "src/test/node"));
            if (!Files.isDirectory(dir.resolve("node_modules/@azure/web-pubsub-client"))) {
                throw new IllegalStateException("the JavaScript client is not installed in " + dir
                        + ": run the integration tests through Maven (mvn verify), which runs npm ci there");
            }
            Process process = new ProcessBuilder("node", "stop-client.mjs", url)
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new JsClient(process);
        }

        /** The next event named {@code name} the client reports (others before it are passed over). */
        JsonObject next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                JsonObject event = events.poll(left, TimeUnit.NANOSECONDS);
                if (event != null && name.equals(event.getString("event"))) {
                    return event;
                }
            }
            throw new AssertionError("the JavaScript client did not report " + name + " within 15 s");
        }

        void stop() {
            try {
                input.write("stop\n");
                input.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the JavaScript client did not exit after it stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
