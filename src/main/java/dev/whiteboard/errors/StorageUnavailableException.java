package dev.whiteboard.errors;

/** The database cannot be used right now; the request changed nothing and may be retried. */
public class StorageUnavailableException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message) {
        super(ErrorKind.UNAVAILABLE, message, null);
    }
}
