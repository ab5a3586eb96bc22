package dev.whiteboard.hub.protocol;

import java.util.Optional;

/**
 * A client frame that cannot be carried out. With an {@code ackId} the client learns it from an error ack
 * ({@code BadRequest}); without one the frame is malformed beyond that and the connection is closed with
 * 1007.
 */
public class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Long> ackId;

    public FrameException(String message, Optional<Long> ackId) {
        super(message);
        this.ackId = ackId;
    }

    public Optional<Long> ackId() {
        return ackId;
    }
}
