package dev.whiteboard.history.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** No version with that id on that board (never saved, deleted, or pruned after the retention time). */
public class VersionNotFoundException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public VersionNotFoundException(String field, String id) {
        super(ErrorKind.NOT_FOUND, "this board has no version " + id, field);
    }
}
