package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;

/** The caller's role on the board does not allow what they asked for. */
public class NotAllowedOnBoardException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    public NotAllowedOnBoardException(BoardRole needed, BoardRole has) {
        super(
                ErrorKind.FORBIDDEN,
                has == null
                        ? "you have no access to this board; ask one of its owners"
                        : "this needs the " + needed.wireName() + " role on the board; you are " + article(has) + " "
                                + has.wireName(),
                null);
    }

    private static String article(BoardRole role) {
        return role == BoardRole.OWNER ? "an" : role == BoardRole.EDITOR ? "an" : "a";
    }
}
