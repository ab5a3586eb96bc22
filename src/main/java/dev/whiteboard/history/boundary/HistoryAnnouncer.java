package dev.whiteboard.history.boundary;

import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.history.control.History;
import dev.whiteboard.realtime.RealtimeService;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells a board's group that its versions changed ({@code {"type":"versionsChanged","board":"…"}}), once the
 * transaction committed: open history panels list them again. Restores are announced with the board's changes
 * ({@code boardRestored}, by the boards feature), in version order.
 */
@ApplicationScoped
public class HistoryAnnouncer {

    @Inject
    RealtimeService realtime;

    /** The message. */
    public record VersionsChanged(String type, String board) {}

    void versionsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) History.VersionsChanged changed) {
        realtime.publish(
                BoardGroup.of(changed.boardId()),
                WireJson.write(new VersionsChanged("versionsChanged", changed.boardId())));
    }
}
