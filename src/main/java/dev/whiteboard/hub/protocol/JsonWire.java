package dev.whiteboard.hub.protocol;

import java.nio.charset.StandardCharsets;

/** The JSON subprotocols' format: one JSON object per text frame ({@link ClientFrameDecoder}, {@link ServerFrames}). */
public final class JsonWire implements WireFormat {

    public static final JsonWire INSTANCE = new JsonWire();

    private JsonWire() {}

    @Override
    public boolean binaryFrames() {
        return false;
    }

    @Override
    public ClientFrame decode(byte[] message) throws FrameException {
        return ClientFrameDecoder.decode(new String(message, StandardCharsets.UTF_8));
    }

    /** Reads a text frame as the socket gives it (already decoded from UTF-8). */
    public ClientFrame decode(String text) throws FrameException {
        return ClientFrameDecoder.decode(text);
    }

    @Override
    public byte[] connected(String connectionId, String userId, String reconnectionToken) {
        return utf8(ServerFrames.connected(connectionId, userId, reconnectionToken));
    }

    @Override
    public byte[] disconnected(String reason) {
        return utf8(ServerFrames.disconnected(reason));
    }

    @Override
    public byte[] ack(long ackId) {
        return utf8(ServerFrames.ack(ackId));
    }

    @Override
    public byte[] ackError(long ackId, String name, String message) {
        return utf8(ServerFrames.ackError(ackId, name, message));
    }

    @Override
    public byte[] groupMessage(String group, String fromUserId, Payload payload, Long sequenceId) {
        return utf8(ServerFrames.groupMessage(group, fromUserId, payload, sequenceId));
    }

    @Override
    public byte[] serverMessage(Payload payload, Long sequenceId) {
        return utf8(ServerFrames.serverMessage(payload, sequenceId));
    }

    @Override
    public byte[] pong() {
        return utf8(ServerFrames.pong());
    }

    /** UTF-8; an unpaired surrogate (which has no UTF-8 form) becomes '?', so a frame is always valid UTF-8. */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "JSON";
    }
}
