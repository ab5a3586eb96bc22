package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.Shape;
import java.util.List;

/**
 * A change to a board's content, fired by {@link BoardStore} inside the transaction; {@code BoardBroadcaster} writes
 * its message then (the entities it names may change again later in the same transaction) and sends it once the
 * transaction committed: "state changed" and "tell the clients" stay apart. Every change moves the
 * board from {@code fromVersion} to {@code version}; a client that has seen {@code fromVersion} applies it, one that
 * has seen less missed something and loads the diagram again.
 */
public sealed interface BoardChange {

    String boardId();

    long fromVersion();

    long version();

    /** Who made the change. */
    String by();

    /** Shapes added or changed (as stored) and shapes removed (by id). */
    record ShapesChanged(
            String boardId, long fromVersion, long version, String by, List<Shape> put, List<String> removed)
            implements BoardChange {
        public ShapesChanged {
            put = List.copyOf(put);
            removed = List.copyOf(removed);
        }
    }

    /** Every shape was removed. */
    record Cleared(String boardId, long fromVersion, long version, String by) implements BoardChange {}

    /**
     * A version of the board was restored (its content is the board's again, as one change): clients load the
     * diagram again. {@code restored} names the version; {@code byName} is who restored it, as people see them.
     */
    record Restored(String boardId, long fromVersion, long version, String by, String byName, RestoredVersion restored)
            implements BoardChange {}

    /** The version a restore brought back: its id, when it was taken and its label (none for a checkpoint). */
    record RestoredVersion(String id, java.time.OffsetDateTime createdAt, String label) {}

    /** The background image or colour changed; {@code board} is the board after the change. */
    record BackgroundChanged(String boardId, long fromVersion, long version, String by, Board board)
            implements BoardChange {}
}
