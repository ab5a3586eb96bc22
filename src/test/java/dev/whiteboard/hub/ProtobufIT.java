package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import dev.whiteboard.hub.protocol.protobuf.DownstreamMessage;
import dev.whiteboard.hub.protocol.protobuf.MessageData;
import dev.whiteboard.hub.protocol.protobuf.UpstreamMessage;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.UpstreamReceiver;
import dev.whiteboard.testing.UpstreamReceiver.Answer;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The protobuf subprotocols ({@code protobuf.webpubsub.azure.v1}, {@code protobuf.reliable.webpubsub.azure.v1}) with
 * frames built and read by the classes protoc generates from Microsoft's .proto: connected, joins and acks, errors,
 * groups shared with JSON and plain clients (each gets the data in its own form, with its type), events to the
 * handler, the reliable subprotocol's sequence ids and recovery. The Node client of {@link ProtobufNodeIT} checks the
 * same wire format with another protobuf implementation.
 */
@ExtendWith(SharedServer.class)
class ProtobufIT {

    private static final String PROTOBUF = "protobuf.webpubsub.azure.v1";
    private static final String PROTOBUF_RELIABLE = "protobuf.reliable.webpubsub.azure.v1";

    private WebPubSubServiceClient sdk;
    private String hub;

    @BeforeEach
    void setUp() {
        hub = "pb" + UUID.randomUUID().toString().replace("-", "");
        sdk = SharedServer.hubClient(hub);
    }

    private String url(String user, String... roles) {
        GetClientAccessTokenOptions options =
                new GetClientAccessTokenOptions().setUserId(user).addGroup("board");
        for (String role : roles) {
            options.addRole(role);
        }
        return sdk.getClientAccessToken(options).getUrl();
    }

    private static DownstreamMessage next(WsClient client) {
        try {
            return DownstreamMessage.parseFrom(client.nextBinary());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a DownstreamMessage", e);
        }
    }

    private static void send(WsClient client, UpstreamMessage message) {
        client.sendBinary(message.toByteArray());
    }

    private static UpstreamMessage sendToGroup(String group, long ackId, MessageData data) {
        return UpstreamMessage.newBuilder()
                .setSendToGroupMessage(UpstreamMessage.SendToGroupMessage.newBuilder()
                        .setGroup(group)
                        .setAckId(ackId)
                        .setNoEcho(true)
                        .setData(data))
                .build();
    }

    private static MessageData text(String text) {
        return MessageData.newBuilder().setTextData(text).build();
    }

    private static void assertAcked(WsClient client, long ackId) {
        DownstreamMessage.AckMessage ack = next(client).getAckMessage();
        assertEquals(ackId, ack.getAckId());
        assertTrue(ack.getSuccess(), () -> "ack failed: " + ack);
    }

    @Test
    void aProtobufClientIsConnectedWithBinaryFrames() {
        try (WsClient client = WsClient.protobuf(url("pia"))) {
            assertEquals(PROTOBUF, client.subprotocol());
            DownstreamMessage.SystemMessage.ConnectedMessage connected =
                    next(client).getSystemMessage().getConnectedMessage();
            assertFalse(connected.getConnectionId().isEmpty());
            assertEquals("pia", connected.getUserId());
            assertEquals("", connected.getReconnectionToken(), "no reconnection token off the reliable subprotocol");
            send(
                    client,
                    UpstreamMessage.newBuilder()
                            .setPingMessage(UpstreamMessage.PingMessage.getDefaultInstance())
                            .build());
            assertTrue(next(client).hasPongMessage());
            assertTrue(sdk.connectionExistsWithResponse(connected.getConnectionId(), null)
                    .getValue());
        }
    }

    @Test
    void theFirstOfferedSubprotocolTheHubSpeaksIsChosen() {
        try (WsClient client = WsClient.offering(url("o"), "mqtt", PROTOBUF_RELIABLE, "json.webpubsub.azure.v1")) {
            assertEquals(PROTOBUF_RELIABLE, client.subprotocol());
            assertFalse(next(client)
                    .getSystemMessage()
                    .getConnectedMessage()
                    .getReconnectionToken()
                    .isEmpty());
        }
        try (WsClient client = WsClient.offering(url("o"), "json.reliable.webpubsub.azure.v1", PROTOBUF)) {
            assertEquals("json.reliable.webpubsub.azure.v1", client.subprotocol());
            assertEquals("connected", client.next().getString("event"));
        }
    }

    @Test
    void dataCrossesBetweenProtobufJsonAndPlainClientsWithItsType() throws Exception {
        String sender = "webpubsub.sendToGroup.board";
        try (WsClient proto = WsClient.protobuf(url("pia", sender));
                WsClient json = WsClient.json(url("jon", sender));
                WsClient plain = WsClient.plain(url("pat"))) {
            next(proto);
            json.next();

            // protobuf → JSON and plain
            send(proto, sendToGroup("board", 1, text("hello")));
            assertAcked(proto, 1);
            JsonObject message = json.next();
            assertEquals("group", message.getString("from"));
            assertEquals("board", message.getString("group"));
            assertEquals("pia", message.getString("fromUserId"));
            assertEquals("text", message.getString("dataType"));
            assertEquals("hello", message.getString("data"));
            assertEquals("hello", plain.nextRaw());

            byte[] bytes = {0, 1, (byte) 0xfe, (byte) 0xff};
            send(
                    proto,
                    sendToGroup(
                            "board",
                            2,
                            MessageData.newBuilder()
                                    .setBinaryData(ByteString.copyFrom(bytes))
                                    .build()));
            assertAcked(proto, 2);
            message = json.next();
            assertEquals("binary", message.getString("dataType"));
            assertEquals(Base64.getEncoder().encodeToString(bytes), message.getString("data"));
            assertArrayEquals(bytes, (byte[]) plain.nextRaw());

            send(
                    proto,
                    sendToGroup(
                            "board",
                            3,
                            MessageData.newBuilder()
                                    .setJsonData("{\"shape\":\"circle\",\"r\":[1,2]}")
                                    .build()));
            assertAcked(proto, 3);
            message = json.next();
            assertEquals("json", message.getString("dataType"));
            assertEquals("circle", message.getJsonObject("data").getString("shape"));
            assertEquals(2, message.getJsonObject("data").getJsonArray("r").getInt(1));
            assertEquals("{\"shape\":\"circle\",\"r\":[1,2]}", plain.nextRaw());

            Any any = Any.pack(StringValue.of("packed"));
            send(
                    proto,
                    sendToGroup(
                            "board",
                            4,
                            MessageData.newBuilder().setProtobufData(any).build()));
            assertAcked(proto, 4);
            message = json.next();
            assertEquals("protobuf", message.getString("dataType"), "a JSON client learns it is protobuf");
            byte[] anyBytes = Base64.getDecoder().decode(message.getString("data"));
            assertEquals(any, Any.parseFrom(anyBytes), "the base64 of the Any's own bytes");
            assertEquals(
                    "packed", Any.parseFrom(anyBytes).unpack(StringValue.class).getValue());
            assertArrayEquals(any.toByteArray(), (byte[]) plain.nextRaw(), "plain clients get the Any's bytes");

            // JSON → protobuf, each type in its own field
            json.send("{\"type\":\"sendToGroup\",\"group\":\"board\",\"noEcho\":true,\"data\":{\"n\":1}}");
            DownstreamMessage.DataMessage data = next(proto).getDataMessage();
            assertEquals("group", data.getFrom());
            assertEquals("board", data.getGroup());
            assertFalse(data.hasSequenceId());
            assertEquals(MessageData.DataCase.JSON_DATA, data.getData().getDataCase());
            assertEquals("{\"n\":1}", data.getData().getJsonData());
            json.send("{\"type\":\"sendToGroup\",\"group\":\"board\",\"noEcho\":true,\"dataType\":\"text\","
                    + "\"data\":\"hi\"}");
            assertEquals(text("hi"), next(proto).getDataMessage().getData());
            json.send("{\"type\":\"sendToGroup\",\"group\":\"board\",\"noEcho\":true,\"dataType\":\"binary\","
                    + "\"data\":\"AAH+/w==\"}");
            assertArrayEquals(
                    bytes,
                    next(proto).getDataMessage().getData().getBinaryData().toByteArray());

            // the REST API → protobuf, as a group message and a server message
            sdk.sendToGroup("board", "from the app", WebPubSubContentType.TEXT_PLAIN);
            DownstreamMessage.DataMessage rest = next(proto).getDataMessage();
            assertEquals("group", rest.getFrom());
            assertEquals(text("from the app"), rest.getData());
            sdk.sendToUser("pia", "{\"to\":\"pia\"}", WebPubSubContentType.APPLICATION_JSON);
            DownstreamMessage.DataMessage server = next(proto).getDataMessage();
            assertEquals("server", server.getFrom());
            assertFalse(server.hasGroup());
            assertEquals("{\"to\":\"pia\"}", server.getData().getJsonData());
        }
    }

    @Test
    void joinsLeavesAndErrorsAreAckedAsOnTheJsonSubprotocols() {
        try (WsClient client = WsClient.protobuf(url("pia", "webpubsub.joinLeaveGroup.room"))) {
            next(client);
            send(
                    client,
                    UpstreamMessage.newBuilder()
                            .setJoinGroupMessage(UpstreamMessage.JoinGroupMessage.newBuilder()
                                    .setGroup("room")
                                    .setAckId(7))
                            .build());
            assertAcked(client, 7);
            send(
                    client,
                    UpstreamMessage.newBuilder()
                            .setJoinGroupMessage(UpstreamMessage.JoinGroupMessage.newBuilder()
                                    .setGroup("room")
                                    .setAckId(7))
                            .build());
            DownstreamMessage.AckMessage duplicate = next(client).getAckMessage();
            assertFalse(duplicate.getSuccess());
            assertEquals("Duplicate", duplicate.getError().getName());
            send(
                    client,
                    UpstreamMessage.newBuilder()
                            .setJoinGroupMessage(UpstreamMessage.JoinGroupMessage.newBuilder()
                                    .setGroup("elsewhere")
                                    .setAckId(8))
                            .build());
            DownstreamMessage.AckMessage forbidden = next(client).getAckMessage();
            assertEquals(8, forbidden.getAckId());
            assertEquals("Forbidden", forbidden.getError().getName());
            send(
                    client,
                    UpstreamMessage.newBuilder()
                            .setLeaveGroupMessage(UpstreamMessage.LeaveGroupMessage.newBuilder()
                                    .setAckId(9))
                            .build());
            DownstreamMessage.AckMessage badRequest = next(client).getAckMessage();
            assertEquals("BadRequest", badRequest.getError().getName(), "a group name is required");
            send(client, sendToGroup("room", 10, MessageData.getDefaultInstance()));
            assertEquals("BadRequest", next(client).getAckMessage().getError().getName(), "data is required");
            send(
                    client,
                    UpstreamMessage.newBuilder()
                            .setLeaveGroupMessage(UpstreamMessage.LeaveGroupMessage.newBuilder()
                                    .setGroup("room")
                                    .setAckId(11))
                            .build());
            assertAcked(client, 11);
        }
    }

    @Test
    void aFrameThatIsNoUpstreamMessageCloses1007AndATextFrameCloses1003() {
        try (WsClient client = WsClient.protobuf(url("pia"))) {
            next(client);
            client.sendBinary(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
            assertTrue(next(client).getSystemMessage().hasDisconnectedMessage(), "told why first");
            assertEquals(1007, client.awaitClose());
        }
        try (WsClient client = WsClient.protobuf(url("pia"))) {
            next(client);
            client.send("{\"type\":\"ping\"}");
            assertTrue(next(client).getSystemMessage().hasDisconnectedMessage());
            assertEquals(1003, client.awaitClose());
        }
    }

    @Test
    void eventsReachTheHandlerWithTheContentTypeOfTheirDataAndItsAnswerComesBackFirst() {
        UpstreamReceiver upstream = SharedServer.upstream();
        upstream.answer(
                hub, request -> request.event().equals("shape") ? Answer.json("{\"ok\":true}") : Answer.of(204));
        try (WsClient client = WsClient.protobuf(url("pia"))) {
            next(client);
            Any any = Any.pack(StringValue.of("x"));
            send(
                    client,
                    UpstreamMessage.newBuilder()
                            .setEventMessage(UpstreamMessage.EventMessage.newBuilder()
                                    .setEvent("shape")
                                    .setAckId(1)
                                    .setData(MessageData.newBuilder().setProtobufData(any)))
                            .build());
            DownstreamMessage.DataMessage reply = next(client).getDataMessage();
            assertEquals("server", reply.getFrom());
            assertEquals("{\"ok\":true}", reply.getData().getJsonData());
            assertAcked(client, 1);
            UpstreamReceiver.Received event = upstream.next(hub, "shape");
            assertTrue(event.header("Content-Type").startsWith("application/x-protobuf"), event.header("Content-Type"));
            assertArrayEquals(any.toByteArray(), event.body());
            assertEquals(PROTOBUF, event.header("ce-subprotocol"));

            send(
                    client,
                    UpstreamMessage.newBuilder()
                            .setEventMessage(UpstreamMessage.EventMessage.newBuilder()
                                    .setEvent("shape")
                                    .setData(MessageData.newBuilder().setJsonData("{\"a\":1}")))
                            .build());
            next(client); // the answer
            event = upstream.next(hub, "shape");
            assertTrue(event.header("Content-Type").startsWith("application/json"));
            assertEquals("{\"a\":1}", event.text());
        }
    }

    @Test
    void theReliableSubprotocolNumbersDataAndRecoversACutConnection() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", SharedServer.baseUri().getPort());
                WsClient publisher = WsClient.json(url("pub", "webpubsub.sendToGroup.board"))) {
            publisher.next();
            String direct = url("rita");
            String viaProxy = direct.replace(":" + SharedServer.baseUri().getPort() + "/", ":" + proxy.port() + "/");
            WsClient first = WsClient.protobufReliable(viaProxy);
            assertEquals(PROTOBUF_RELIABLE, first.subprotocol());
            DownstreamMessage.SystemMessage.ConnectedMessage connected =
                    next(first).getSystemMessage().getConnectedMessage();
            assertTrue(connected.getReconnectionToken().length() >= 32);
            for (int n = 1; n <= 3; n++) {
                publish(publisher, n);
            }
            for (long n = 1; n <= 3; n++) {
                DownstreamMessage.DataMessage data = next(first).getDataMessage();
                assertEquals(n, data.getSequenceId());
                assertEquals("{\"n\":" + n + "}", data.getData().getJsonData());
            }
            send(
                    first,
                    UpstreamMessage.newBuilder()
                            .setSequenceAckMessage(UpstreamMessage.SequenceAckMessage.newBuilder()
                                    .setSequenceId(2))
                            .build());
            send(
                    first,
                    UpstreamMessage.newBuilder()
                            .setPingMessage(UpstreamMessage.PingMessage.getDefaultInstance())
                            .build());
            assertTrue(next(first).hasPongMessage(), "the sequence ack is answered by nothing");

            proxy.cut();
            first.close();
            publish(publisher, 4);
            String recovery = direct
                    + "&awps_connection_id=" + connected.getConnectionId()
                    + "&awps_reconnection_token="
                    + URLEncoder.encode(connected.getReconnectionToken(), StandardCharsets.UTF_8);
            try (WsClient json = WsClient.reliable(recovery)) {
                assertEquals(1008, json.awaitClose(), "a protobuf connection is not recovered as JSON");
            }
            try (WsClient back = WsClient.protobufReliable(recovery)) {
                List<Long> replayed = List.of(
                        next(back).getDataMessage().getSequenceId(),
                        next(back).getDataMessage().getSequenceId());
                assertEquals(List.of(3L, 4L), replayed, "the unacknowledged messages, once and in order");
                back.assertNothingWithin(Duration.ofMillis(300));
            }
        }
    }

    private static void publish(WsClient publisher, int n) {
        publisher.send("{\"type\":\"sendToGroup\",\"group\":\"board\",\"noEcho\":true,\"ackId\":" + n
                + ",\"data\":{\"n\":" + n + "}}");
        assertTrue(publisher.next().getBoolean("success"));
    }
}
