package dev.whiteboard.hub.protocol;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.whiteboard.hub.protocol.protobuf.MessageData;
import dev.whiteboard.hub.protocol.protobuf.UpstreamMessage;
import dev.whiteboard.runtime.JsonDepth;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;

/**
 * Reads one binary frame of a protobuf subprotocol (an {@code UpstreamMessage}) into a {@link ClientFrame}, checking
 * every field as {@link ClientFrameDecoder} does for JSON: what cannot be parsed closes the connection (1007), a
 * message with an ack id but a bad field gets a {@code BadRequest} ack.
 */
public final class ProtobufFrameDecoder {

    private ProtobufFrameDecoder() {}

    public static ClientFrame decode(byte[] bytes) throws FrameException {
        UpstreamMessage message;
        try {
            message = UpstreamMessage.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new FrameException("a frame must be a protobuf UpstreamMessage", Optional.empty());
        }
        return switch (message.getMessageCase()) {
            case JOIN_GROUP_MESSAGE -> {
                UpstreamMessage.JoinGroupMessage join = message.getJoinGroupMessage();
                Optional<Long> ackId = ackId(join.hasAckId(), join.getAckId());
                yield new ClientFrame.JoinGroup(group(join.getGroup(), ackId), ackId);
            }
            case LEAVE_GROUP_MESSAGE -> {
                UpstreamMessage.LeaveGroupMessage leave = message.getLeaveGroupMessage();
                Optional<Long> ackId = ackId(leave.hasAckId(), leave.getAckId());
                yield new ClientFrame.LeaveGroup(group(leave.getGroup(), ackId), ackId);
            }
            case SEND_TO_GROUP_MESSAGE -> {
                UpstreamMessage.SendToGroupMessage send = message.getSendToGroupMessage();
                Optional<Long> ackId = ackId(send.hasAckId(), send.getAckId());
                yield new ClientFrame.SendToGroup(
                        group(send.getGroup(), ackId), ackId, send.getNoEcho(), payload(send.getData(), ackId));
            }
            case EVENT_MESSAGE -> {
                UpstreamMessage.EventMessage event = message.getEventMessage();
                Optional<Long> ackId = ackId(event.hasAckId(), event.getAckId());
                if (!ClientFrameDecoder.isValidEventName(event.getEvent())) {
                    throw new FrameException(ClientFrameDecoder.INVALID_EVENT, ackId);
                }
                yield new ClientFrame.Event(event.getEvent(), ackId, payload(event.getData(), ackId));
            }
            case SEQUENCE_ACK_MESSAGE -> {
                long sequenceId = message.getSequenceAckMessage().getSequenceId();
                if (sequenceId < 0) {
                    throw new FrameException("sequence_id must be a whole number from 0", Optional.empty());
                }
                yield new ClientFrame.SequenceAck(sequenceId);
            }
            case PING_MESSAGE -> new ClientFrame.Ping();
            case MESSAGE_NOT_SET ->
                throw new FrameException(
                        "an UpstreamMessage needs one of the messages the hub knows", Optional.empty());
        };
    }

    /** The ack id, if set; the service's ack ids are unsigned, so a negative int64 (beyond 2^63) is refused. */
    private static Optional<Long> ackId(boolean present, long value) throws FrameException {
        if (!present) {
            return Optional.empty();
        }
        if (value < 0) {
            throw new FrameException("ack_id must be a whole number from 0 below 2^63", Optional.empty());
        }
        return Optional.of(value);
    }

    private static String group(String group, Optional<Long> ackId) throws FrameException {
        if (!ClientFrameDecoder.isValidGroup(group)) {
            throw new FrameException(ClientFrameDecoder.INVALID_GROUP, ackId);
        }
        return group;
    }

    /** The data by the field that is set: text, binary, json (which must be JSON) or protobuf (an {@code Any}). */
    private static Payload payload(MessageData data, Optional<Long> ackId) throws FrameException {
        return switch (data.getDataCase()) {
            case TEXT_DATA -> Payload.text(data.getTextData());
            case BINARY_DATA -> Payload.binary(data.getBinaryData().toByteArray());
            case PROTOBUF_DATA -> Payload.protobuf(data.getProtobufData().toByteArray());
            case JSON_DATA -> json(data.getJsonData(), ackId);
            case DATA_NOT_SET -> throw new FrameException("data is required", ackId);
        };
    }

    private static Payload json(String text, Optional<Long> ackId) throws FrameException {
        if (JsonDepth.exceeds(text, ClientFrameDecoder.MAX_DEPTH)) {
            throw new FrameException(
                    "json_data must not nest JSON more than " + ClientFrameDecoder.MAX_DEPTH + " levels deep", ackId);
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return new Payload(DataType.JSON, reader.readValue());
        } catch (JsonException e) {
            throw new FrameException("json_data must be JSON", ackId);
        } catch (IllegalArgumentException e) {
            throw new FrameException("json_data does not fit dataType json: " + e.getMessage(), ackId);
        }
    }
}
