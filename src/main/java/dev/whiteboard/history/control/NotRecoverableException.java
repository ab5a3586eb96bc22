package dev.whiteboard.history.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** A shape that cannot be recovered: it is on the board, or no earlier state of it is kept, or its image is gone. */
public class NotRecoverableException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    private NotRecoverableException(ErrorKind kind, String message) {
        super(kind, message, "shape");
    }

    static NotRecoverableException live(String shapeId) {
        return new NotRecoverableException(
                ErrorKind.CONFLICT, "shape " + shapeId + " is on the board: nothing to recover");
    }

    static NotRecoverableException unknown(String shapeId) {
        return new NotRecoverableException(
                ErrorKind.NOT_FOUND,
                "this board keeps no earlier state of shape " + shapeId
                        + " (it never existed, or it was removed before the history's retention time)");
    }

    static NotRecoverableException imageGone(String shapeId) {
        return new NotRecoverableException(
                ErrorKind.CONFLICT, "the image shape " + shapeId + " cannot come back: its image is no longer stored");
    }
}
