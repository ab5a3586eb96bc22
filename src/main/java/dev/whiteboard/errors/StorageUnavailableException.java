package dev.whiteboard.errors;

/** The database cannot be used right now: not reachable, or its schema is not migrated yet. */
public class StorageUnavailableException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message) {
        super(ErrorKind.UNAVAILABLE, message, null);
    }
}
