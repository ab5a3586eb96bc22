package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** Restore or purge of a board that is not in the trash. */
public class BoardNotInTrashException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public BoardNotInTrashException() {
        super(ErrorKind.CONFLICT, "the board is not in the trash; delete it first", null);
    }
}
