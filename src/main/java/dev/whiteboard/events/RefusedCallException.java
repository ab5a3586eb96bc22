package dev.whiteboard.events;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/**
 * A webhook call refused for who sent it or what it claims, not for its form: no or a bad token, a source address
 * not allowed (401/403), an event for a connection the app did not see connect (or that ended), a user other than
 * the connection's, an event id already taken (403). Logged as a security event; nothing of the call is stored.
 */
public class RefusedCallException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    private RefusedCallException(ErrorKind kind, String message, String field) {
        super(kind, message, field);
    }

    static RefusedCallException unauthenticated(String message, String field) {
        return new RefusedCallException(ErrorKind.UNAUTHENTICATED, message, field);
    }

    static RefusedCallException forbidden(String message, String field) {
        return new RefusedCallException(ErrorKind.FORBIDDEN, message, field);
    }
}
