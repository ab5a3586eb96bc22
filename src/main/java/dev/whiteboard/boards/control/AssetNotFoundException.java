package dev.whiteboard.boards.control;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** The board exists but has no asset of that id. */
public class AssetNotFoundException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public AssetNotFoundException(String boardId) {
        super(ErrorKind.NOT_FOUND, "board '" + boardId + "' has no such asset", null);
    }
}
