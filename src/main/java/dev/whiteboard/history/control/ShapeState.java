package dev.whiteboard.history.control;

import dev.whiteboard.boards.entity.Shape;
import dev.whiteboard.boards.entity.ShapeData;
import dev.whiteboard.history.entity.ShapeRecord;
import java.time.OffsetDateTime;

/**
 * A shape as it was at some version, from the history or (for the live board) from the board's own rows: its content
 * ({@code null} when it was removed then), who drew it when, and the change that left it so.
 */
public record ShapeState(
        String shapeId,
        ShapeData data,
        String author,
        OffsetDateTime createdAt,
        OffsetDateTime changedAt,
        long version) {

    static ShapeState of(ShapeRecord r) {
        return new ShapeState(
                r.shapeId(), r.removed() ? null : r.data(), r.author(), r.createdAt(), r.changedAt(), r.version());
    }

    static ShapeState of(Shape s) {
        return new ShapeState(
                s.shapeId(), s.removed() ? null : s.data(), s.author(), s.createdAt(), s.updatedAt(), s.version());
    }

    /** Whether the shape was on the board then. */
    public boolean live() {
        return data != null;
    }
}
