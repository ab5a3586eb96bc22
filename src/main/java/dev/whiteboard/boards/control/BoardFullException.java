package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** The board already holds as many shapes as a board may. */
public class BoardFullException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public BoardFullException() {
        super(ErrorKind.CONFLICT, "the board is full: at most " + Limits.MAX_SHAPES_PER_BOARD + " shapes", null);
    }
}
