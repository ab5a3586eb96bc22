package dev.whiteboard.hub.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A client's frames as a browser or the JDK client sends them: masked, perhaps fragmented, in pieces. */
class FrameReaderTest {

    private static final int LIMIT = 1024 * 1024;
    private final Random random = new Random(42);
    private final List<String> seen = new ArrayList<>();
    private final FrameReader.Handler handler = new FrameReader.Handler() {
        @Override
        public void text(String text) {
            seen.add("text:" + text);
        }

        @Override
        public void binary(byte[] bytes) {
            seen.add("binary:" + bytes.length);
        }

        @Override
        public void ping(byte[] payload) {
            seen.add("ping:" + new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void pong() {
            seen.add("pong");
        }

        @Override
        public void close(int code, String reason) {
            seen.add("close:" + code + ":" + reason);
        }
    };

    @Test
    void messagesOfEveryLengthFormArriveWholeWhateverTheyAreCutInto() throws ProtocolViolation {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        String small = "{\"type\":\"ping\"}";
        String medium = "m".repeat(300); // 16-bit length
        String large = "é".repeat(40_000); // 64-bit length, two bytes a character
        stream.writeBytes(clientFrame(true, Frames.TEXT, small.getBytes(StandardCharsets.UTF_8)));
        stream.writeBytes(clientFrame(true, Frames.TEXT, medium.getBytes(StandardCharsets.UTF_8)));
        stream.writeBytes(clientFrame(true, Frames.TEXT, large.getBytes(StandardCharsets.UTF_8)));
        stream.writeBytes(clientFrame(true, Frames.BINARY, new byte[70_000]));
        byte[] all = stream.toByteArray();
        for (int piece : new int[] {1, 3, 7, 1000, 16 * 1024, all.length}) {
            seen.clear();
            FrameReader reader = new FrameReader(LIMIT);
            for (int offset = 0; offset < all.length; offset += piece) {
                // the reader unmasks in place: each piece is a copy, with room around it as in a read buffer
                int length = Math.min(piece, all.length - offset);
                byte[] buffer = new byte[length + 2];
                System.arraycopy(all, offset, buffer, 1, length);
                reader.read(buffer, 1, length, handler);
            }
            assertEquals(
                    List.of("text:" + small, "text:" + medium, "text:" + large, "binary:70000"),
                    seen,
                    "in pieces of " + piece);
        }
    }

    @Test
    void aFragmentedMessageIsPutTogetherAndControlFramesBetweenItsPiecesAreHandled() throws ProtocolViolation {
        FrameReader reader = new FrameReader(LIMIT);
        read(reader, clientFrame(false, Frames.TEXT, "Hel".getBytes(StandardCharsets.UTF_8)));
        read(reader, clientFrame(true, Frames.PING, "are you there".getBytes(StandardCharsets.UTF_8)));
        read(reader, clientFrame(false, Frames.CONTINUATION, "lo, ".getBytes(StandardCharsets.UTF_8)));
        read(reader, clientFrame(true, Frames.PONG, new byte[0]));
        read(reader, clientFrame(true, Frames.CONTINUATION, "wörld".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("ping:are you there", "pong", "text:Hello, wörld"), seen);
    }

    @Test
    void aCloseFrameGivesItsCodeAndReasonAndNothingIsReadAfterIt() throws ProtocolViolation {
        FrameReader reader = new FrameReader(LIMIT);
        byte[] close = {0x0F, (byte) 0xA0, 'b', 'y', 'e'}; // 4000
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(clientFrame(true, Frames.CLOSE, close));
        stream.writeBytes(clientFrame(true, Frames.TEXT, "late".getBytes(StandardCharsets.UTF_8)));
        read(reader, stream.toByteArray());
        read(reader, clientFrame(true, Frames.TEXT, "later".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("close:4000:bye"), seen);

        FrameReader empty = new FrameReader(LIMIT);
        seen.clear();
        read(empty, clientFrame(true, Frames.CLOSE, new byte[0]));
        assertEquals(List.of("close:1005:"), seen);
    }

    @Test
    void aFrameOverTheLimitIsRefusedFromItsHeaderBeforeItsPayloadArrives() {
        FrameReader reader = new FrameReader(LIMIT);
        byte[] frame = clientFrame(true, Frames.TEXT, new byte[LIMIT + 1]);
        byte[] header = Arrays.copyOf(frame, 14);
        assertEquals(
                CloseCode.TOO_BIG,
                assertThrows(ProtocolViolation.class, () -> read(reader, header))
                        .code());

        FrameReader fragments = new FrameReader(LIMIT);
        ProtocolViolation overall = assertThrows(ProtocolViolation.class, () -> {
            read(fragments, clientFrame(false, Frames.BINARY, new byte[LIMIT / 2 + 1]));
            read(fragments, clientFrame(true, Frames.CONTINUATION, new byte[LIMIT / 2 + 1]));
        });
        assertEquals(CloseCode.TOO_BIG, overall.code());
    }

    @Test
    void whatAClientMustNotSendIsAViolationWithItsCloseCode() {
        assertViolation(CloseCode.PROTOCOL_ERROR, unmasked(Frames.TEXT, "x"));
        assertViolation(
                CloseCode.PROTOCOL_ERROR, withFirstByte(clientFrame(true, Frames.TEXT, new byte[1]), 0xC1)); // RSV1
        assertViolation(CloseCode.PROTOCOL_ERROR, clientFrame(true, 0x3, new byte[1])); // reserved opcode
        assertViolation(CloseCode.PROTOCOL_ERROR, clientFrame(false, Frames.PING, new byte[1])); // fragmented control
        assertViolation(CloseCode.PROTOCOL_ERROR, clientFrame(true, Frames.PING, new byte[126])); // control over 125
        assertViolation(CloseCode.PROTOCOL_ERROR, clientFrame(true, Frames.CONTINUATION, new byte[1]));
        assertViolation(CloseCode.PROTOCOL_ERROR, clientFrame(true, Frames.CLOSE, new byte[] {0x03}));
        assertViolation(
                CloseCode.PROTOCOL_ERROR, clientFrame(true, Frames.CLOSE, new byte[] {0x03, (byte) 0xED})); // 1005
        assertViolation(CloseCode.NOT_CONSISTENT, clientFrame(true, Frames.TEXT, new byte[] {(byte) 0xC3, 0x28}));
        ProtocolViolation interleaved = assertThrows(ProtocolViolation.class, () -> {
            FrameReader reader = new FrameReader(LIMIT);
            read(reader, clientFrame(false, Frames.TEXT, new byte[1]));
            read(reader, clientFrame(true, Frames.TEXT, new byte[1]));
        });
        assertEquals(CloseCode.PROTOCOL_ERROR, interleaved.code());
    }

    @Test
    void serverFramesAreUnmaskedWholeAndCarryTheirLengthInTheShortestForm() {
        assertArrayEquals(new byte[] {(byte) 0x81, 2, 'h', 'i'}, Frames.text("hi"));
        byte[] medium = Frames.binary(new byte[300]);
        assertEquals(126, medium[1]);
        assertEquals(300, ((medium[2] & 0xFF) << 8) | (medium[3] & 0xFF));
        byte[] large = Frames.text("x".repeat(70_000));
        assertEquals(127, large[1]);
        assertEquals(70_000 + 10, large.length);
        byte[] close = Frames.close(1009, "é".repeat(100)); // 200 bytes of reason: cut to 123, on a character boundary
        assertEquals((byte) 0x88, close[0]);
        assertEquals(2 + 122, close[1]);
        assertEquals("é".repeat(61), new String(close, 4, 122, StandardCharsets.UTF_8));
    }

    @Test
    void theAcceptKeyIsTheOneOfRfc6455() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", Handshake.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    private void assertViolation(CloseCode expected, byte[] frame) {
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> read(new FrameReader(LIMIT), frame));
        assertEquals(expected, violation.code(), violation.getMessage());
    }

    private void read(FrameReader reader, byte[] bytes) throws ProtocolViolation {
        reader.read(bytes, 0, bytes.length, handler);
    }

    /** A client frame: masked with a random key. */
    private byte[] clientFrame(boolean fin, int opcode, byte[] payload) {
        byte[] unmasked = Frames.frame(opcode, payload);
        int header = unmasked.length - payload.length;
        byte[] key = new byte[4];
        random.nextBytes(key);
        byte[] frame = new byte[unmasked.length + 4];
        System.arraycopy(unmasked, 0, frame, 0, header);
        frame[0] = (byte) ((fin ? 0x80 : 0) | opcode);
        frame[1] |= (byte) 0x80;
        System.arraycopy(key, 0, frame, header, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ key[i & 3]);
        }
        return frame;
    }

    private static byte[] unmasked(int opcode, String text) {
        return Frames.frame(opcode, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withFirstByte(byte[] frame, int first) {
        frame[0] = (byte) first;
        return frame;
    }
}
