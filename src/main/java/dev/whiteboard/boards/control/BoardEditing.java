package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.BoardRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Board changes with their permission check, each in one transaction: the role is read and the change applied on
 * the same database connection, so a change costs one connection (and, with the database gone, fails once, within
 * the pool's wait) rather than two. The board's row is locked first and the check reads that row, so it is read
 * once per change, not once to check and again to lock.
 */
@ApplicationScoped
@Transactional
public class BoardEditing {

    @Inject
    BoardAccess access;

    @Inject
    BoardStore store;

    /** A batch of edits by an editor. */
    public BoardUpdate changeShapes(String boardId, List<ShapeEdit> edits, String user) {
        store.lock(boardId);
        access.require(boardId, user, BoardRole.EDITOR);
        return store.apply(boardId, edits, user);
    }

    /** Removes every shape; owners only. */
    public BoardUpdate clear(String boardId, String user) {
        store.lock(boardId);
        access.require(boardId, user, BoardRole.OWNER);
        return store.clear(boardId, user);
    }

    /** Paints the background colour and/or removes the background image, as one change each; editors. */
    public BoardUpdate background(String boardId, String color, boolean removeImage, String user) {
        store.lock(boardId);
        access.require(boardId, user, BoardRole.EDITOR);
        long from = store.get(boardId).version();
        if (removeImage) {
            store.removeBackground(boardId, user);
        }
        BoardUpdate painted = store.paintBackground(boardId, color, user);
        return new BoardUpdate(boardId, from, painted.version());
    }
}
