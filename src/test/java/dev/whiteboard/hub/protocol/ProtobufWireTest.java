package dev.whiteboard.hub.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.StringValue;
import dev.whiteboard.hub.protocol.protobuf.DownstreamMessage;
import dev.whiteboard.hub.protocol.protobuf.MessageData;
import dev.whiteboard.hub.protocol.protobuf.UpstreamMessage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The protobuf wire format: every upstream message read into its {@link ClientFrame}, data types kept both ways. */
class ProtobufWireTest {

    private static ClientFrame decode(UpstreamMessage message) throws FrameException {
        return ProtobufWire.INSTANCE.decode(message.toByteArray());
    }

    private static UpstreamMessage send(MessageData data) {
        return UpstreamMessage.newBuilder()
                .setSendToGroupMessage(UpstreamMessage.SendToGroupMessage.newBuilder()
                        .setGroup("g")
                        .setAckId(5)
                        .setNoEcho(true)
                        .setData(data))
                .build();
    }

    @Test
    void eachDataFieldBecomesItsDataType() throws Exception {
        ClientFrame.SendToGroup text = (ClientFrame.SendToGroup)
                decode(send(MessageData.newBuilder().setTextData("hi").build()));
        assertEquals(Optional.of(5L), text.ackId());
        assertTrue(text.noEcho());
        assertEquals(Payload.text("hi"), text.payload());
        assertEquals(
                Payload.binary(new byte[] {1, 2}),
                ((ClientFrame.SendToGroup) decode(send(MessageData.newBuilder()
                                .setBinaryData(ByteString.copyFrom(new byte[] {1, 2}))
                                .build())))
                        .payload());
        Payload json = ((ClientFrame.SendToGroup) decode(
                        send(MessageData.newBuilder().setJsonData("{\"a\":[1]}").build())))
                .payload();
        assertEquals(DataType.JSON, json.type());
        assertEquals("{\"a\":[1]}", json.asText());
        Any any = Any.pack(StringValue.of("x"));
        Payload protobuf = ((ClientFrame.SendToGroup) decode(
                        send(MessageData.newBuilder().setProtobufData(any).build())))
                .payload();
        assertEquals(DataType.PROTOBUF, protobuf.type());
        assertEquals(any, Any.parseFrom(protobuf.asBytes()));
    }

    @Test
    void dataWritten() throws Exception {
        Any any = Any.pack(StringValue.of("x"));
        for (Payload payload :
                new Payload[] {Payload.text("t"), Payload.binary(new byte[] {9}), Payload.protobuf(any.toByteArray())
                }) {
            DownstreamMessage.DataMessage message = DownstreamMessage.parseFrom(
                            ProtobufWire.INSTANCE.groupMessage("g", "u", payload, 7L))
                    .getDataMessage();
            assertEquals("group", message.getFrom());
            assertEquals("g", message.getGroup());
            assertEquals(7, message.getSequenceId());
            assertEquals(ProtobufWire.messageData(payload), message.getData());
        }
        assertEquals(
                any,
                ProtobufWire.messageData(Payload.protobuf(any.toByteArray())).getProtobufData());
        assertEquals(
                "{\"a\":1}",
                ProtobufWire.messageData(Payload.of(DataType.JSON, "{\"a\":1}".getBytes()))
                        .getJsonData());
        DownstreamMessage.DataMessage server = DownstreamMessage.parseFrom(
                        ProtobufWire.INSTANCE.serverMessage(Payload.text("s"), null))
                .getDataMessage();
        assertEquals("server", server.getFrom());
        assertFalse(server.hasGroup());
        assertFalse(server.hasSequenceId());
    }

    @Test
    void badFieldsWithAnAckIdAreAnsweredAndOthersClose() {
        FrameException noJson = assertThrows(
                FrameException.class,
                () -> decode(send(MessageData.newBuilder().setJsonData("{").build())));
        assertEquals(Optional.of(5L), noJson.ackId());
        FrameException noData =
                assertThrows(FrameException.class, () -> decode(send(MessageData.getDefaultInstance())));
        assertEquals(Optional.of(5L), noData.ackId());
        FrameException badEvent = assertThrows(
                FrameException.class,
                () -> decode(UpstreamMessage.newBuilder()
                        .setEventMessage(UpstreamMessage.EventMessage.newBuilder()
                                .setEvent("1 bad")
                                .setAckId(3)
                                .setData(MessageData.newBuilder().setTextData("x")))
                        .build()));
        assertEquals(Optional.of(3L), badEvent.ackId());
        assertTrue(assertThrows(FrameException.class, () -> ProtobufWire.INSTANCE.decode(new byte[] {(byte) 0xff}))
                .ackId()
                .isEmpty());
        assertTrue(assertThrows(FrameException.class, () -> decode(UpstreamMessage.getDefaultInstance()))
                .ackId()
                .isEmpty());
        assertTrue(assertThrows(
                        FrameException.class,
                        () -> decode(UpstreamMessage.newBuilder()
                                .setJoinGroupMessage(UpstreamMessage.JoinGroupMessage.newBuilder()
                                        .setGroup("g")
                                        .setAckId(-1))
                                .build()))
                .ackId()
                .isEmpty());
    }

    @Test
    void controlMessages() throws Exception {
        assertTrue(
                decode(UpstreamMessage.newBuilder()
                                .setPingMessage(UpstreamMessage.PingMessage.getDefaultInstance())
                                .build())
                        instanceof ClientFrame.Ping);
        assertEquals(
                new ClientFrame.SequenceAck(42),
                decode(UpstreamMessage.newBuilder()
                        .setSequenceAckMessage(
                                UpstreamMessage.SequenceAckMessage.newBuilder().setSequenceId(42))
                        .build()));
        assertTrue(DownstreamMessage.parseFrom(ProtobufWire.INSTANCE.pong()).hasPongMessage());
        DownstreamMessage.AckMessage ack = DownstreamMessage.parseFrom(
                        ProtobufWire.INSTANCE.ackError(3, "Forbidden", "no"))
                .getAckMessage();
        assertEquals(3, ack.getAckId());
        assertFalse(ack.getSuccess());
        assertEquals("Forbidden", ack.getError().getName());
        DownstreamMessage.SystemMessage.ConnectedMessage connected = DownstreamMessage.parseFrom(
                        ProtobufWire.INSTANCE.connected("c", null, "token"))
                .getSystemMessage()
                .getConnectedMessage();
        assertEquals("c", connected.getConnectionId());
        assertEquals("", connected.getUserId());
        assertEquals("token", connected.getReconnectionToken());
    }
}
