package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.BoardChange;
import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.realtime.RealtimeService;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a board's group what was committed, after the transaction succeeded, whichever way the change came (a
 * real-time event or the REST API). A failed send is logged and not retried: the change is stored, and a client
 * that misses a message sees the gap in the versions of the next one (or reconnects) and loads the diagram again.
 */
@ApplicationScoped
public class BoardBroadcaster {

    private static final Logger LOG = Logger.getLogger(BoardBroadcaster.class.getName());

    @Inject
    RealtimeService realtime;

    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardChange change) {
        try {
            realtime.sendToGroup(BoardGroup.of(change.boardId()), WireJson.write(message(change)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not announce version {0} of board {1}: {2}",
                    new Object[] {change.version(), change.boardId(), e.toString()});
        }
    }

    static Object message(BoardChange change) {
        if (change instanceof BoardChange.ShapesChanged shapes) {
            return new BoardMessages.ShapesChanged(shapes.boardId(), shapes.fromVersion(), shapes.version(),
                    shapes.by(), shapes.put().stream().map(ShapeView::of).toList(), shapes.removed());
        }
        if (change instanceof BoardChange.Cleared cleared) {
            return new BoardMessages.BoardCleared(cleared.boardId(), cleared.fromVersion(), cleared.version(),
                    cleared.by());
        }
        BoardChange.BackgroundChanged background = (BoardChange.BackgroundChanged) change;
        return new BoardMessages.BackgroundChanged(background.boardId(), background.fromVersion(), background.version(),
                background.by(), BackgroundView.of(background.board()), background.board().backgroundColor().orElse(null));
    }
}
