package dev.whiteboard.security;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** The request needs a signed-in caller, or the credentials given are wrong. */
public class NotSignedInException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException(String message) {
        super(ErrorKind.UNAUTHENTICATED, message, null);
    }
}
