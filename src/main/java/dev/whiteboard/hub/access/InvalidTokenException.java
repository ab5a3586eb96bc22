package dev.whiteboard.hub.access;

/** A client access token that is missing, malformed, badly signed, expired or meant for another hub. */
public class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
