package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** Asked for a person's role on a board where they have none. */
public class NoRoleException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public NoRoleException(String user) {
        super(ErrorKind.NOT_FOUND, "'" + user + "' has no role on this board", "user");
    }
}
