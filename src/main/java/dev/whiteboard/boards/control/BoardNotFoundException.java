package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** No board has the given id. */
public class BoardNotFoundException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public BoardNotFoundException(String boardId) {
        super(ErrorKind.NOT_FOUND, "no board with id '" + abbreviate(boardId) + "'", null);
    }

    private static String abbreviate(String id) {
        return id == null ? "" : id.length() <= 40 ? id : id.substring(0, 40) + "…";
    }
}
