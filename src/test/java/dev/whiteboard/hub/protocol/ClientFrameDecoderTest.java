package dev.whiteboard.hub.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientFrameDecoderTest {

    @Test
    void readsEveryClientMessage() throws FrameException {
        assertEquals(
                new ClientFrame.JoinGroup("board-1", Optional.of(1L)),
                ClientFrameDecoder.decode("{\"type\":\"joinGroup\",\"group\":\"board-1\",\"ackId\":1}"));
        assertEquals(
                new ClientFrame.LeaveGroup("board-1", Optional.empty()),
                ClientFrameDecoder.decode("{\"type\":\"leaveGroup\",\"group\":\"board-1\"}"));
        ClientFrame.SendToGroup send = (ClientFrame.SendToGroup) ClientFrameDecoder.decode(
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":3,\"noEcho\":true,\"data\":{\"x\":[1,2]}}");
        assertTrue(send.noEcho());
        assertEquals(DataType.JSON, send.payload().type());
        assertEquals("{\"x\":[1,2]}", send.payload().asText());
        ClientFrame.Event event = (ClientFrame.Event) ClientFrameDecoder.decode(
                "{\"type\":\"event\",\"event\":\"shape.add\",\"dataType\":\"text\",\"data\":\"hi\"}");
        assertEquals("shape.add", event.event());
        assertEquals("hi", event.payload().asText());
        assertEquals(
                new ClientFrame.SequenceAck(42),
                ClientFrameDecoder.decode("{\"type\":\"sequenceAck\",\"sequenceId\":42}"));
        assertEquals(new ClientFrame.Ping(), ClientFrameDecoder.decode("{\"type\":\"ping\"}"));
    }

    @Test
    void binaryDataIsBase64() throws FrameException {
        ClientFrame.SendToGroup send = (ClientFrame.SendToGroup) ClientFrameDecoder.decode(
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"binary\",\"data\":\"AAEC\"}");
        assertEquals(3, send.payload().asBytes().length);
        assertEquals(null, send.payload().asText());
        FrameException notBase64 = assertThrows(
                FrameException.class,
                () -> ClientFrameDecoder.decode(
                        "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":9,\"dataType\":\"binary\",\"data\":\"%%%\"}"));
        assertEquals(Optional.of(9L), notBase64.ackId());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[1,2]",
                "\"joinGroup\"",
                "{}",
                "{\"type\":5}",
                "{\"type\":\"dance\"}",
                "{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":-1}",
                "{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1.5}",
                "{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":\"1\"}",
                "{\"type\":\"sequenceAck\"}"
            })
    void malformedFramesCloseTheConnection(String frame) {
        assertEquals(
                Optional.empty(),
                assertThrows(FrameException.class, () -> ClientFrameDecoder.decode(frame))
                        .ackId());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"joinGroup\",\"ackId\":7}",
                "{\"type\":\"joinGroup\",\"group\":\"  \",\"ackId\":7}",
                "{\"type\":\"joinGroup\",\"group\":5,\"ackId\":7}",
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":7}",
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":7,\"data\":null}",
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":7,\"dataType\":\"text\",\"data\":{}}",
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":7,\"dataType\":\"xml\",\"data\":\"<a/>\"}",
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":7,\"noEcho\":\"yes\",\"data\":1}",
                "{\"type\":\"event\",\"event\":\"9lives\",\"ackId\":7,\"data\":1}"
            })
    void invalidFieldsAreReportedToTheAckWhenThereIsOne(String frame) {
        assertEquals(
                Optional.of(7L),
                assertThrows(FrameException.class, () -> ClientFrameDecoder.decode(frame))
                        .ackId());
    }

    @Test
    void deeplyNestedDataClosesTheConnectionWithoutTheParsersWords() {
        String deep = "{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"json\",\"data\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}";
        FrameException e = assertThrows(FrameException.class, () -> ClientFrameDecoder.decode(deep));
        assertTrue(e.getMessage().contains("256 levels"), e.getMessage());
        assertTrue(e.ackId().isEmpty());
        FrameException broken = assertThrows(FrameException.class, () -> ClientFrameDecoder.decode("{\"type\":}"));
        assertFalse(broken.getMessage().toLowerCase().contains("token"), broken.getMessage());
    }

    @Test
    void aLoneSurrogateInJsonDataIsPassedOnEscapedNotAsAQuestionMark() throws FrameException {
        ClientFrame frame =
                ClientFrameDecoder.decode("{\"type\":\"event\",\"event\":\"chatSend\",\"dataType\":\"json\","
                        + "\"data\":{\"text\":\"a\\ud800b \\ud83d\\ude00\"}}");
        String text = ((ClientFrame.Event) frame).payload().asText();
        assertEquals("{\"text\":\"a\\ud800b \ud83d\ude00\"}", text);
        assertEquals(text, new String(((ClientFrame.Event) frame).payload().asBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void groupNamesFollowTheServiceLimits() throws FrameException {
        ClientFrameDecoder.decode("{\"type\":\"joinGroup\",\"group\":\"" + "g".repeat(1024) + "\"}");
        assertThrows(
                FrameException.class,
                () -> ClientFrameDecoder.decode("{\"type\":\"joinGroup\",\"group\":\"" + "g".repeat(1025) + "\"}"));
        assertFalse(ClientFrameDecoder.isValidGroup(""));
    }

    @Test
    void serverFramesLeaveOutWhatIsUnknownAndAlwaysCarryDataType() {
        assertEquals(
                json("{\"type\":\"system\",\"event\":\"connected\",\"connectionId\":\"c1\"}"),
                json(ServerFrames.connected("c1", null, null)));
        assertEquals(
                json(
                        "{\"type\":\"system\",\"event\":\"connected\",\"connectionId\":\"c1\",\"userId\":\"u\",\"reconnectionToken\":\"t\"}"),
                json(ServerFrames.connected("c1", "u", "t")));
        assertEquals(
                json(
                        "{\"type\":\"ack\",\"ackId\":5,\"success\":false,\"error\":{\"name\":\"Forbidden\",\"message\":\"no\"}}"),
                json(ServerFrames.ackError(5, ServerFrames.FORBIDDEN, "no")));
        assertEquals(
                json("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"dataType\":\"text\",\"data\":\"hi\"}"),
                json(ServerFrames.groupMessage("g", null, Payload.text("hi"), null)));
        assertEquals(
                json(
                        "{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"binary\",\"data\":\"AQI=\",\"sequenceId\":3}"),
                json(ServerFrames.serverMessage(Payload.binary(new byte[] {1, 2}), 3L)));
        assertEquals(
                json("{\"type\":\"system\",\"event\":\"disconnected\",\"message\":\"bye\"}"),
                json(ServerFrames.disconnected("bye")));
        assertEquals(json("{\"type\":\"pong\"}"), json(ServerFrames.pong()));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
