package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** A change to a locked shape other than unlocking it. */
public class ShapeLockedException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public ShapeLockedException(String shapeId) {
        super(
                ErrorKind.CONFLICT,
                "shape " + shapeId + " is locked: unlock it first (put it with \"locked\":false)",
                null);
    }
}
