package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The protobuf subprotocols against an independent encoder: a Node client (src/test/node/protobuf-client.mjs) that
 * reads the same .proto with protobufjs joins a group shared with a JSON client; what the JSON client publishes
 * (json, text, binary) reaches it in the matching fields, and what it publishes (text, binary, json, an {@code Any})
 * reaches the JSON client with the matching {@code dataType}. On the reliable subprotocol it gets sequence ids 1, 2,
 * 3 and acknowledges them.
 */
@ExtendWith(SharedServer.class)
class ProtobufNodeIT {

    private static final Path CLIENT_DIR = Path.of(System.getProperty("whiteboard.it.node-clients", "src/test/node"));
    private static final String PROTO = System.getProperty("whiteboard.it.proto");

    @ParameterizedTest
    @ValueSource(strings = {"protobuf.webpubsub.azure.v1", "protobuf.reliable.webpubsub.azure.v1"})
    void aProtobufjsClientAndAJsonClientShareAGroup(String subprotocol) throws Exception {
        String hub = "pbnode" + UUID.randomUUID().toString().replace("-", "");
        WebPubSubServiceClient sdk = SharedServer.hubClient(hub);
        String group = "board";
        String nodeUrl = sdk.getClientAccessToken(new GetClientAccessTokenOptions()
                        .setUserId("node")
                        .addRole("webpubsub.joinLeaveGroup." + group)
                        .addRole("webpubsub.sendToGroup." + group))
                .getUrl();
        String jsonUrl = sdk.getClientAccessToken(new GetClientAccessTokenOptions()
                        .setUserId("java")
                        .addGroup(group)
                        .addRole("webpubsub.sendToGroup." + group))
                .getUrl();
        Process node = new ProcessBuilder(
                        "node",
                        CLIENT_DIR.resolve("protobuf-client.mjs").toString(),
                        PROTO,
                        nodeUrl,
                        subprotocol,
                        group,
                        "3")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (WsClient json = WsClient.json(jsonUrl);
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            json.next();
            JsonObject ready = line(out);
            assertTrue(ready.getBoolean("ready", false), ready::toString);
            assertEquals("node", ready.getString("userId"));
            assertEquals(
                    subprotocol.contains("reliable"),
                    !ready.getString("reconnectionToken").isEmpty(),
                    "a reconnection token on the reliable subprotocol only");

            json.send("{\"type\":\"sendToGroup\",\"group\":\"board\",\"noEcho\":true,\"dataType\":\"json\","
                    + "\"data\":{\"from\":\"java\"}}");
            json.send("{\"type\":\"sendToGroup\",\"group\":\"board\",\"noEcho\":true,\"dataType\":\"text\","
                    + "\"data\":\"text from java\"}");
            json.send("{\"type\":\"sendToGroup\",\"group\":\"board\",\"noEcho\":true,\"dataType\":\"binary\","
                    + "\"data\":\"AQID/w==\"}");
            List<JsonObject> received = List.of(line(out), line(out), line(out));
            for (JsonObject message : received) {
                assertEquals("group", message.getString("from"));
                assertEquals(group, message.getString("group"));
            }
            assertEquals("jsonData", received.get(0).getString("dataCase"));
            assertEquals("{\"from\":\"java\"}", received.get(0).getString("value"));
            assertEquals("textData", received.get(1).getString("dataCase"));
            assertEquals("text from java", received.get(1).getString("value"));
            assertEquals("binaryData", received.get(2).getString("dataCase"));
            assertEquals("AQID/w==", received.get(2).getString("value"), "protobufjs prints bytes as base64");
            if (subprotocol.contains("reliable")) {
                assertEquals(
                        List.of(1, 2, 3),
                        received.stream().map(m -> m.getInt("sequenceId")).toList());
            } else {
                assertFalse(received.get(0).containsKey("sequenceId"));
            }

            List<JsonObject> published = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                published.add(json.next());
            }
            assertEquals("node", published.get(0).getString("fromUserId"));
            assertEquals("text", published.get(0).getString("dataType"));
            assertEquals("text from node", published.get(0).getString("data"));
            assertEquals("binary", published.get(1).getString("dataType"));
            assertEquals(
                    Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 0xff}),
                    published.get(1).getString("data"));
            assertEquals("json", published.get(2).getString("dataType"));
            assertEquals("node", published.get(2).getJsonObject("data").getString("from"));
            assertEquals("protobuf", published.get(3).getString("dataType"));
            Any expected = Any.newBuilder()
                    .setTypeUrl("type.googleapis.com/azure.webpubsub.TestMessage")
                    .setValue(ByteString.copyFrom(new byte[] {0x08, 0x01}))
                    .build();
            assertEquals(
                    Base64.getEncoder().encodeToString(expected.toByteArray()),
                    published.get(3).getString("data"),
                    "the base64 of the Any's bytes, as protobufjs encoded them");

            assertEquals("[2,3,4,5]", line(out).getJsonArray("acked").toString());
            assertTrue(line(out).getBoolean("done"));
            assertTrue(node.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, node.exitValue());
        } finally {
            node.destroyForcibly();
        }
    }

    /** The Node client's next line, as JSON; its {@code error} lines fail the test. */
    private static JsonObject line(BufferedReader out) throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new AssertionError("the Node client ended without a word");
        }
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(line))) {
            json = reader.readObject();
        }
        if (json.containsKey("error")) {
            throw new AssertionError("the Node client failed: " + json.getString("error"));
        }
        return json;
    }
}
