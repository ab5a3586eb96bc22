package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** The board exists but has no background image. */
public class NoBackgroundException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public NoBackgroundException(String boardId) {
        super(ErrorKind.NOT_FOUND, "board '" + boardId + "' has no background image", null);
    }
}
