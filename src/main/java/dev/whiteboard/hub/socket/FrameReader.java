package dev.whiteboard.hub.socket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a client's frames (RFC 6455 §5) from the bytes as they arrive, in pieces of any size, and hands whole
 * messages to a {@link Handler}: fragmented messages are put together, control frames are handled between their
 * fragments, text is checked to be UTF-8. A frame or message over the hub's limit is refused from its header, before
 * its payload is read. Anything else a client must not send ends the read with a {@link ProtocolViolation} naming
 * the close code: 1002 (protocol error), 1007 (text that is not UTF-8), 1009 (too big).
 * <p>One reader per connection, used by one thread at a time (the container's read callbacks do not overlap).
 */
final class FrameReader {

    /** What the reader found. */
    interface Handler {
        void text(String text);

        void binary(byte[] bytes);

        void ping(byte[] payload);

        void pong();

        /** A close frame: its code ({@code 1005} when it had none) and reason. Nothing is read after it. */
        void close(int code, String reason);
    }

    private final int maxMessageBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private static final byte[] NONE = new byte[0];
    /** Bytes received and not yet read as a whole frame: {@code buffer[start, end)}; the caller's while reading. */
    private byte[] buffer = NONE;

    private boolean owned;
    private int start;
    private int end;
    /** The fragments of a message still coming: its opcode (0 when none) and payload so far. */
    private int messageOpcode;

    private byte[] message = new byte[0];
    private int messageLength;
    private boolean closed;

    FrameReader(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Reads {@code data[offset, offset + length)}: every frame it completes goes to {@code handler}. The bytes are
     * read where they are (and unmasked in place) when nothing is left over from before; only the start of a frame
     * that is not all there yet is kept, so an idle connection holds no buffer.
     */
    void read(byte[] data, int offset, int length, Handler handler) throws ProtocolViolation {
        if (closed) {
            return; // nothing counts after a close frame
        }
        if (start == end) {
            buffer = data;
            start = offset;
            end = offset + length;
            owned = false;
        } else {
            append(data, offset, length);
        }
        while (!closed && frame(handler)) {
            // one frame read; try the next
        }
        if (start == end || closed) {
            buffer = NONE;
            start = 0;
            end = 0;
            owned = false;
        } else if (!owned) {
            keep(end - start); // the caller's array is theirs again
        }
    }

    /** Reads one frame if it is all there; returns whether it was. */
    private boolean frame(Handler handler) throws ProtocolViolation {
        int available = end - start;
        if (available < 2) {
            return false;
        }
        int first = buffer[start] & 0xFF;
        int second = buffer[start + 1] & 0xFF;
        boolean fin = (first & 0x80) != 0;
        int opcode = first & 0x0F;
        if ((first & 0x70) != 0) {
            throw new ProtocolViolation(CloseCode.PROTOCOL_ERROR, "reserved bits set: no extension was agreed");
        }
        if ((second & 0x80) == 0) {
            throw new ProtocolViolation(CloseCode.PROTOCOL_ERROR, "a client's frames must be masked");
        }
        boolean control = opcode >= 0x8;
        if (opcode != Frames.CONTINUATION
                && opcode != Frames.TEXT
                && opcode != Frames.BINARY
                && opcode != Frames.CLOSE
                && opcode != Frames.PING
                && opcode != Frames.PONG) {
            throw new ProtocolViolation(CloseCode.PROTOCOL_ERROR, "unknown opcode " + opcode);
        }
        int lengthField = second & 0x7F;
        int header = 2 + (lengthField == 126 ? 2 : lengthField == 127 ? 8 : 0) + 4;
        if (available < header) {
            return false;
        }
        long length = lengthField;
        if (lengthField == 126) {
            length = ((buffer[start + 2] & 0xFF) << 8) | (buffer[start + 3] & 0xFF);
        } else if (lengthField == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (buffer[start + 2 + i] & 0xFF);
            }
            if (length < 0) {
                throw new ProtocolViolation(CloseCode.PROTOCOL_ERROR, "frame length out of range");
            }
        }
        if (control && (!fin || length > Frames.MAX_CONTROL_PAYLOAD)) {
            throw new ProtocolViolation(
                    CloseCode.PROTOCOL_ERROR, "a control frame must be whole and at most 125 bytes");
        }
        if (!control) {
            if (opcode == Frames.CONTINUATION && messageOpcode == 0) {
                throw new ProtocolViolation(
                        CloseCode.PROTOCOL_ERROR, "a continuation frame without a message to continue");
            }
            if (opcode != Frames.CONTINUATION && messageOpcode != 0) {
                throw new ProtocolViolation(CloseCode.PROTOCOL_ERROR, "a new message before the last one was finished");
            }
            if (messageLength + length > maxMessageBytes) {
                throw new ProtocolViolation(CloseCode.TOO_BIG, "frame over " + maxMessageBytes + " bytes");
            }
        }
        if (available < header + length) {
            if (owned) {
                ensureRoom(header + (int) length);
            }
            return false;
        }
        int payloadStart = start + header;
        int payloadLength = (int) length;
        unmask(buffer, payloadStart, payloadLength, payloadStart - 4);
        start = payloadStart + payloadLength;
        if (control) {
            control(opcode, Arrays.copyOfRange(buffer, payloadStart, payloadStart + payloadLength), handler);
        } else {
            data(opcode, fin, payloadStart, payloadLength, handler);
        }
        return true;
    }

    private void data(int opcode, boolean fin, int payloadStart, int payloadLength, Handler handler)
            throws ProtocolViolation {
        if (fin && opcode != Frames.CONTINUATION) {
            deliver(opcode, buffer, payloadStart, payloadLength, handler); // the usual case: a message in one frame
            return;
        }
        if (opcode != Frames.CONTINUATION) {
            messageOpcode = opcode;
        }
        if (message.length < messageLength + payloadLength) {
            message = Arrays.copyOf(message, Math.max(messageLength + payloadLength, message.length * 2));
        }
        System.arraycopy(buffer, payloadStart, message, messageLength, payloadLength);
        messageLength += payloadLength;
        if (fin) {
            int kind = messageOpcode;
            int total = messageLength;
            messageOpcode = 0;
            messageLength = 0;
            deliver(kind, message, 0, total, handler);
            if (message.length > 64 * 1024) {
                message = new byte[0]; // a large message's buffer is not kept
            }
        }
    }

    private void deliver(int opcode, byte[] bytes, int offset, int length, Handler handler) throws ProtocolViolation {
        if (opcode == Frames.TEXT) {
            handler.text(utf8(bytes, offset, length));
        } else {
            handler.binary(Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    private void control(int opcode, byte[] payload, Handler handler) throws ProtocolViolation {
        switch (opcode) {
            case Frames.PING -> handler.ping(payload);
            case Frames.PONG -> handler.pong();
            default -> {
                closed = true;
                if (payload.length == 0) {
                    handler.close(CloseCode.NO_STATUS_CODE.code(), "");
                    return;
                }
                if (payload.length == 1) {
                    throw new ProtocolViolation(CloseCode.PROTOCOL_ERROR, "a close frame's code takes two bytes");
                }
                int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                if (!CloseCode.isValidOnTheWire(code)) {
                    throw new ProtocolViolation(CloseCode.PROTOCOL_ERROR, "close code " + code + " may not be sent");
                }
                handler.close(code, utf8(payload, 2, payload.length - 2));
            }
        }
    }

    private String utf8(byte[] bytes, int offset, int length) throws ProtocolViolation {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolViolation(CloseCode.NOT_CONSISTENT, "text that is not valid UTF-8");
        }
    }

    private static void unmask(byte[] bytes, int offset, int length, int keyOffset) {
        byte k0 = bytes[keyOffset];
        byte k1 = bytes[keyOffset + 1];
        byte k2 = bytes[keyOffset + 2];
        byte k3 = bytes[keyOffset + 3];
        int i = 0;
        for (; i + 3 < length; i += 4) {
            bytes[offset + i] ^= k0;
            bytes[offset + i + 1] ^= k1;
            bytes[offset + i + 2] ^= k2;
            bytes[offset + i + 3] ^= k3;
        }
        for (; i < length; i++) {
            bytes[offset + i] ^= bytes[keyOffset + (i & 3)];
        }
    }

    private void append(byte[] data, int offset, int length) {
        ensureRoom(end - start + length);
        System.arraycopy(data, offset, buffer, end, length);
        end += length;
    }

    /** Makes room in a buffer of the reader's own for {@code needed} unread bytes from {@code start}. */
    private void ensureRoom(int needed) {
        if (buffer.length - start >= needed) {
            return;
        }
        keep(needed);
    }

    /** Moves the unread bytes to the front of a buffer of the reader's own that holds {@code capacity} bytes. */
    private void keep(int capacity) {
        int unread = end - start;
        byte[] target = owned && buffer.length >= capacity ? buffer : new byte[Math.max(capacity, 1024)];
        System.arraycopy(buffer, start, target, 0, unread);
        buffer = target;
        owned = true;
        start = 0;
        end = unread;
    }
}
