package dev.whiteboard.hub.protocol;

import java.util.Optional;

/**
 * A message from a client of a PubSub subprotocol, whatever its encoding: the JSON forms are shown (the protobuf
 * subprotocols carry the same messages as {@code UpstreamMessage}s).
 */
public sealed interface ClientFrame {

    /** The id the client wants acknowledged, if any. */
    default Optional<Long> ackId() {
        return Optional.empty();
    }

    /** {@code {"type":"joinGroup","group":"g","ackId":1}} */
    record JoinGroup(String group, Optional<Long> ackId) implements ClientFrame {}

    /** {@code {"type":"leaveGroup","group":"g","ackId":2}} */
    record LeaveGroup(String group, Optional<Long> ackId) implements ClientFrame {}

    /** {@code {"type":"sendToGroup","group":"g","ackId":3,"noEcho":true,"dataType":"json","data":{…}}} */
    record SendToGroup(String group, Optional<Long> ackId, boolean noEcho, Payload payload) implements ClientFrame {}

    /** {@code {"type":"event","event":"shape","ackId":4,"dataType":"json","data":{…}}}: goes to the app. */
    record Event(String event, Optional<Long> ackId, Payload payload) implements ClientFrame {}

    /** {@code {"type":"sequenceAck","sequenceId":42}}: reliable subprotocol only. */
    record SequenceAck(long sequenceId) implements ClientFrame {}

    /** {@code {"type":"ping"}}, answered with {@code {"type":"pong"}}. */
    record Ping() implements ClientFrame {}
}
