package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/**
 * A put of a shape that was removed, without {@code "restore":true}: most likely a change made while someone else
 * removed the shape. Refused rather than bringing the shape back; the client drops its change.
 */
public class ShapeRemovedException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public ShapeRemovedException(String shapeId) {
        super(
                ErrorKind.CONFLICT,
                "shape " + shapeId + " was removed (perhaps by someone else just now); to bring it back, put it with"
                        + " \"restore\":true",
                "restore");
    }
}
