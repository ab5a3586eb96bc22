package dev.whiteboard.errors;

/** Input that is malformed or breaks a rule; {@code field} names the offending part. */
public class InvalidInputException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String field, String message) {
        super(ErrorKind.INVALID, message, field);
    }
}
