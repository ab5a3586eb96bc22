package dev.whiteboard.hub.protocol;

/**
 * How the messages of a PubSub subprotocol are written on the wire: JSON in text frames ({@link JsonWire}) or protobuf
 * in binary frames ({@link ProtobufWire}). Reads a client's message into a {@link ClientFrame} and writes each message
 * the hub sends as the payload of one WebSocket frame. The reliable subprotocols use the same format as their
 * non-reliable twins, with a {@code sequenceId} on data messages and a reconnection token on {@code connected}.
 * <p>Implementations are stateless and thread-safe.
 */
public sealed interface WireFormat permits JsonWire, ProtobufWire {

    /** Whether the frames are binary (protobuf) rather than text (JSON, as UTF-8). */
    boolean binaryFrames();

    /** Reads the payload of one frame of the client's (UTF-8 text for JSON). */
    ClientFrame decode(byte[] message) throws FrameException;

    /** The first message of a connection; {@code userId} and {@code reconnectionToken} may be null. */
    byte[] connected(String connectionId, String userId, String reconnectionToken);

    /** The last message of a connection the server ends. */
    byte[] disconnected(String reason);

    byte[] ack(long ackId);

    byte[] ackError(long ackId, String name, String message);

    /** A message published to {@code group}; {@code fromUserId} and {@code sequenceId} may be null. */
    byte[] groupMessage(String group, String fromUserId, Payload payload, Long sequenceId);

    /** A message from the server (the REST API, or the app's reply to an event); {@code sequenceId} may be null. */
    byte[] serverMessage(Payload payload, Long sequenceId);

    /** The answer to a client's ping. */
    byte[] pong();
}
