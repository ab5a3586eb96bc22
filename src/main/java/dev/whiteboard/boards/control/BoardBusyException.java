package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** The board has more changes waiting than it can take in time; sending the change again later may work. */
public class BoardBusyException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public BoardBusyException() {
        super(ErrorKind.UNAVAILABLE, "the board is too busy right now; nothing was changed, try again", null);
    }
}
