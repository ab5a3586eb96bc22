package dev.whiteboard.history.control;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.control.BoardChange;
import dev.whiteboard.boards.control.BoardCreated;
import dev.whiteboard.boards.control.BoardRenamed;
import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.history.entity.BoardActivity;
import dev.whiteboard.history.entity.BoardVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes the history as boards change, inside each change's transaction (what is committed has its history, what
 * rolls back has none): the shape rows a change wrote are copied to the shape history by the database (one statement,
 * the rows never pass through the app), the activity log gets its entry, and a clear is preceded by a checkpoint of
 * the board as it was. The boards feature knows nothing of this: it only fires its events.
 */
@ApplicationScoped
public class HistoryRecorder {

    /** Copies the shape rows of board 2 with a version in (3, 4] to the history, as changed by 1. */
    private static final String COPY = "INSERT INTO shape_history (board_id, shape_id, version, removed, kind, stroke,"
            + " stroke_width, fill, opacity, points, text_value, asset_id, z, rotation, locked, start_shape, start_x,"
            + " start_y, end_shape, end_x, end_y, label, author, created_at, changed_by, changed_at)"
            + " SELECT board_id, shape_id, version, removed, kind, stroke, stroke_width, fill, opacity, points,"
            + " text_value, asset_id, z, rotation, locked, start_shape, start_x, start_y, end_shape, end_x, end_y,"
            + " label, author, created_at, ?, updated_at FROM shapes WHERE board_id = ? AND version > ? AND"
            + " version <= ?";

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    History history;

    void created(@Observes BoardCreated created) {
        Board board = em.find(Board.class, created.boardId());
        copy(created.boardId(), 0, created.version(), created.by());
        history.log(board, created.by(), BoardActivity.Action.CREATED, 0, board.title());
    }

    void changed(@Observes BoardChange change) {
        Board board = em.find(Board.class, change.boardId());
        if (change instanceof BoardChange.Cleared) {
            history.checkpoint(board, change.fromVersion(), BoardVersion.Reason.CLEAR, change.by());
        }
        copy(change.boardId(), change.fromVersion(), change.version(), change.by());
        if (change instanceof BoardChange.ShapesChanged shapes) {
            int count =
                    (int) shapes.put().stream().map(s -> s.shapeId()).distinct().count()
                            + shapes.removed().size();
            history.log(board, change.by(), BoardActivity.Action.CHANGED, count, null);
        } else if (change instanceof BoardChange.Cleared) {
            history.log(board, change.by(), BoardActivity.Action.CLEARED, 0, null);
        } else if (change instanceof BoardChange.BackgroundChanged) {
            history.log(board, change.by(), BoardActivity.Action.BACKGROUND, 0, null);
        }
    }

    void renamed(@Observes BoardRenamed renamed) {
        history.log(
                em.find(Board.class, renamed.boardId()),
                renamed.by(),
                BoardActivity.Action.RENAMED,
                0,
                renamed.title());
    }

    void grantsChanged(@Observes BoardAccess.GrantsChanged changed) {
        history.log(
                em.find(Board.class, changed.boardId()),
                changed.by(),
                BoardActivity.Action.ROLE,
                0,
                changed.member() + ": " + (changed.role() == null ? "removed" : changed.role()));
    }

    private void copy(String boardId, long from, long to, String by) {
        if (to <= from) {
            return;
        }
        em.flush(); // the change's rows, before the database copies them
        em.createNativeQuery(COPY)
                .setParameter(1, by)
                .setParameter(2, boardId)
                .setParameter(3, from)
                .setParameter(4, to)
                .executeUpdate();
    }
}
