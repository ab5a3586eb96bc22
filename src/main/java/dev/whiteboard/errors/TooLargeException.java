package dev.whiteboard.errors;

/** A request body over the limit set for it. */
public class TooLargeException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super(ErrorKind.TOO_LARGE, message, null);
    }
}
