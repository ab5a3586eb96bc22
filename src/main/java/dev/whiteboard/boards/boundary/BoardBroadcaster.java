package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.BoardChange;
import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.realtime.RealtimeService;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells a board's group what was committed, after the transaction succeeded, whichever way the change came (a
 * real-time event or the REST API). The message is queued (see {@link RealtimeService#publish}): the sender's reply
 * may arrive before it. A failed send is logged and not retried: the change is stored, and a client that misses a
 * message (or gets two out of order, when two commits to a board finish at the same instant) sees the gap in the
 * versions and loads the diagram again.
 */
@ApplicationScoped
public class BoardBroadcaster {

    @Inject
    RealtimeService realtime;

    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardChange change) {
        realtime.publish(BoardGroup.of(change.boardId()), WireJson.write(message(change)));
    }

    static Object message(BoardChange change) {
        if (change instanceof BoardChange.ShapesChanged shapes) {
            return new BoardMessages.ShapesChanged(
                    shapes.boardId(),
                    shapes.fromVersion(),
                    shapes.version(),
                    shapes.by(),
                    shapes.put().stream().map(ShapeView::of).toList(),
                    shapes.removed());
        }
        if (change instanceof BoardChange.Cleared cleared) {
            return new BoardMessages.BoardCleared(
                    cleared.boardId(), cleared.fromVersion(), cleared.version(), cleared.by());
        }
        BoardChange.BackgroundChanged background = (BoardChange.BackgroundChanged) change;
        return new BoardMessages.BackgroundChanged(
                background.boardId(),
                background.fromVersion(),
                background.version(),
                background.by(),
                BackgroundView.of(background.board()),
                background.board().backgroundColor().orElse(null));
    }
}
