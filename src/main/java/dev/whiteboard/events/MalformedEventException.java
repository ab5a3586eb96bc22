package dev.whiteboard.events;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** A webhook request that is not a Web PubSub CloudEvent this app understands. */
public class MalformedEventException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String header, String message) {
        super(ErrorKind.INVALID, message, header);
    }
}
