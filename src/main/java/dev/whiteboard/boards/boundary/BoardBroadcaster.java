package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.BoardChange;
import dev.whiteboard.boards.control.BoardRenamed;
import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.realtime.RealtimeService;
import dev.whiteboard.wire.WireJson;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a board's group what was committed, after the transaction succeeded, whichever way the change came (a
 * real-time event or the REST API). Each change's message is written when the change is made (inside the
 * transaction: a later change in the same transaction, e.g. of a group commit, cannot alter what an earlier one
 * announces) and the transaction's messages are queued in the order they were made once it committed (see
 * {@link RealtimeService#publish}, which sends a group's messages in that order; none if it rolled back): the
 * sender's reply may arrive before them. A send that fails is tried again for a while, then given up and logged: the
 * change is stored, and a client that misses a message sees the gap in the versions and loads the diagram again.
 */
@ApplicationScoped
public class BoardBroadcaster {

    /** The transaction's messages, a {@code TransactionSynchronizationRegistry} resource. */
    private static final String MESSAGES = BoardBroadcaster.class.getName() + ".messages";

    @Inject
    RealtimeService realtime;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** A message to a board's group, written when the change was made. */
    private record Announcement(String group, String json) {}

    void announce(@Observes BoardChange change) {
        announceAfterCommit(new Announcement(BoardGroup.of(change.boardId()), WireJson.write(message(change))));
    }

    /** A new title is not a change of the content (no version): pages on the board show it when it comes. */
    void renamed(@Observes BoardRenamed renamed) {
        announceAfterCommit(new Announcement(
                BoardGroup.of(renamed.boardId()),
                WireJson.write(new BoardMessages.BoardRenamed(renamed.boardId(), renamed.title(), renamed.by()))));
    }

    /** Sends the message once the transaction (if any) committed; nothing when it rolls back. */
    private void announceAfterCommit(Announcement announcement) {
        if (transaction.getTransactionKey() == null) {
            realtime.publish(announcement.group(), announcement.json());
            return;
        }
        @SuppressWarnings("unchecked")
        List<Announcement> pending = (List<Announcement>) transaction.getResource(MESSAGES);
        if (pending == null) {
            List<Announcement> messages = new ArrayList<>();
            transaction.putResource(MESSAGES, messages);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        messages.forEach(m -> realtime.publish(m.group(), m.json()));
                    }
                }
            });
            pending = messages;
        }
        pending.add(announcement);
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
        if (change instanceof BoardChange.Restored restored) {
            return new BoardMessages.BoardRestored(
                    restored.boardId(),
                    restored.fromVersion(),
                    restored.version(),
                    restored.by(),
                    restored.byName(),
                    new BoardMessages.RestoredVersion(
                            restored.restored().id(),
                            restored.restored().createdAt(),
                            restored.restored().label()));
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
