package dev.whiteboard.hub.protocol;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import dev.whiteboard.hub.protocol.protobuf.DownstreamMessage;
import dev.whiteboard.hub.protocol.protobuf.DownstreamMessage.AckMessage;
import dev.whiteboard.hub.protocol.protobuf.DownstreamMessage.DataMessage;
import dev.whiteboard.hub.protocol.protobuf.DownstreamMessage.SystemMessage;
import dev.whiteboard.hub.protocol.protobuf.MessageData;

/**
 * The protobuf subprotocols' format ({@code protobuf.webpubsub.azure.v1} and its reliable twin): one
 * {@code UpstreamMessage} per binary frame from the client, one {@code DownstreamMessage} per binary frame to it, as
 * src/main/proto/webpubsub.client.proto (Microsoft's) defines them. Data keeps its type across formats: a protobuf
 * client's {@code text_data}, {@code binary_data}, {@code json_data} and {@code protobuf_data} (an {@code Any}) are the
 * JSON clients' {@code text}, {@code binary}, {@code json} and {@code protobuf} (base64 of the {@code Any}'s bytes),
 * and back.
 */
public final class ProtobufWire implements WireFormat {

    public static final ProtobufWire INSTANCE = new ProtobufWire();

    private static final byte[] PONG = DownstreamMessage.newBuilder()
            .setPongMessage(DownstreamMessage.PongMessage.getDefaultInstance())
            .build()
            .toByteArray();

    private ProtobufWire() {}

    @Override
    public boolean binaryFrames() {
        return true;
    }

    @Override
    public ClientFrame decode(byte[] message) throws FrameException {
        return ProtobufFrameDecoder.decode(message);
    }

    @Override
    public byte[] connected(String connectionId, String userId, String reconnectionToken) {
        SystemMessage.ConnectedMessage.Builder connected =
                SystemMessage.ConnectedMessage.newBuilder().setConnectionId(connectionId);
        if (userId != null) {
            connected.setUserId(userId);
        }
        if (reconnectionToken != null) {
            connected.setReconnectionToken(reconnectionToken);
        }
        return DownstreamMessage.newBuilder()
                .setSystemMessage(SystemMessage.newBuilder().setConnectedMessage(connected))
                .build()
                .toByteArray();
    }

    @Override
    public byte[] disconnected(String reason) {
        return DownstreamMessage.newBuilder()
                .setSystemMessage(SystemMessage.newBuilder()
                        .setDisconnectedMessage(
                                SystemMessage.DisconnectedMessage.newBuilder().setReason(reason == null ? "" : reason)))
                .build()
                .toByteArray();
    }

    @Override
    public byte[] ack(long ackId) {
        return DownstreamMessage.newBuilder()
                .setAckMessage(AckMessage.newBuilder().setAckId(ackId).setSuccess(true))
                .build()
                .toByteArray();
    }

    @Override
    public byte[] ackError(long ackId, String name, String message) {
        return DownstreamMessage.newBuilder()
                .setAckMessage(AckMessage.newBuilder()
                        .setAckId(ackId)
                        .setSuccess(false)
                        .setError(AckMessage.ErrorMessage.newBuilder()
                                .setName(name)
                                .setMessage(message)))
                .build()
                .toByteArray();
    }

    /**
     * A group message. The message has no field for the sender's user id ({@code fromUserId} of the JSON
     * subprotocols), so protobuf clients do not learn it, as on the service.
     */
    @Override
    public byte[] groupMessage(String group, String fromUserId, Payload payload, Long sequenceId) {
        return data(DataMessage.newBuilder().setFrom("group").setGroup(group), payload, sequenceId);
    }

    @Override
    public byte[] serverMessage(Payload payload, Long sequenceId) {
        return data(DataMessage.newBuilder().setFrom("server"), payload, sequenceId);
    }

    @Override
    public byte[] pong() {
        return PONG.clone();
    }

    private static byte[] data(DataMessage.Builder message, Payload payload, Long sequenceId) {
        message.setData(messageData(payload));
        if (sequenceId != null) {
            message.setSequenceId(sequenceId);
        }
        return DownstreamMessage.newBuilder().setDataMessage(message).build().toByteArray();
    }

    /** The data in the field of its type: JSON as its text in {@code json_data}, an {@code Any} as itself. */
    static MessageData messageData(Payload payload) {
        MessageData.Builder data = MessageData.newBuilder();
        switch (payload.type()) {
            case JSON -> data.setJsonData(payload.asText());
            case TEXT -> data.setTextData(payload.asText());
            case BINARY -> data.setBinaryData(UnsafeByteOperations.unsafeWrap(payload.asBytes()));
            case PROTOBUF -> {
                try {
                    data.setProtobufData(Any.parseFrom(payload.asBytes()));
                } catch (InvalidProtocolBufferException e) {
                    // only protobuf clients send protobuf data, and it was read as an Any: it is one
                    throw new IllegalStateException("protobuf data that is not an Any", e);
                }
            }
        }
        return data.build();
    }

    @Override
    public String toString() {
        return "protobuf";
    }
}
