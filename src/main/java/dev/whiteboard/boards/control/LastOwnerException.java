package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** Taking the owner role from a board's creator, who is always an owner and so its last one. */
public class LastOwnerException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public LastOwnerException(String user) {
        super(
                ErrorKind.CONFLICT,
                user + " created the board and is always an owner: a board cannot be left without an owner",
                "user");
    }
}
