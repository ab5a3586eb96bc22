package dev.whiteboard.hub.socket;

import java.nio.charset.StandardCharsets;

/**
 * Server frames (RFC 6455 §5.2: unmasked, never fragmented), each encoded into one array that may be written to
 * any number of connections: a message to a group of 200 is encoded once. The arrays are never changed after
 * they are made.
 */
public final class Frames {

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    static final int CONTINUATION = 0x0;
    /** The largest payload of a control frame. */
    static final int MAX_CONTROL_PAYLOAD = 125;

    private static final byte[] KEEP_ALIVE_PING = frame(PING, new byte[] {'w', 'b'});

    private Frames() {}

    /** A text frame. */
    public static byte[] text(String text) {
        return frame(TEXT, utf8(text));
    }

    /** A text frame of text already in UTF-8. */
    public static byte[] text(byte[] utf8) {
        return frame(TEXT, utf8);
    }

    public static byte[] binary(byte[] bytes) {
        return frame(BINARY, bytes);
    }

    /** The ping the hub sends to keep connections alive and to learn that clients are still there. */
    public static byte[] ping() {
        return KEEP_ALIVE_PING;
    }

    static byte[] pong(byte[] payload) {
        return frame(PONG, payload);
    }

    /** A close frame; the reason is cut to what fits a control frame (123 bytes of UTF-8, whole characters). */
    static byte[] close(int code, String reason) {
        byte[] text = utf8(reason == null ? "" : reason);
        int length = text.length;
        if (length > MAX_CONTROL_PAYLOAD - 2) {
            length = MAX_CONTROL_PAYLOAD - 2;
            while (length > 0 && (text[length] & 0xC0) == 0x80) {
                length--; // not in the middle of a character
            }
        }
        byte[] payload = new byte[2 + length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, length);
        return frame(CLOSE, payload);
    }

    static byte[] frame(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) (0x80 | opcode); // FIN, no extension bits
        if (length < 126) {
            frame[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (length >> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            long value = length;
            for (int i = 0; i < 8; i++) {
                frame[9 - i] = (byte) (value >> (8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }

    /** UTF-8; an unpaired surrogate (which has no UTF-8 form) becomes '?', so a frame is always valid UTF-8. */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
