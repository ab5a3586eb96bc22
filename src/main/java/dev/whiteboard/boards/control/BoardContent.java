package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.Shape;
import dev.whiteboard.boards.entity.ShapeData;
import dev.whiteboard.boards.entity.ShapeKind;
import dev.whiteboard.errors.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of a board's content, apart from where it is kept ({@link BoardStore} keeps it in the database, locked
 * for the change): putting a shape adds it, replaces its content or restores it when removed, and a replay of content
 * already there changes nothing; removing leaves a tombstone (the shape, marked removed, with the version that
 * removed it) and removing again changes nothing; each edit that changes something gets the board's next version;
 * a board holds at most {@code Limits.MAX_SHAPES_PER_BOARD} live shapes ({@link BoardFullException}); an image shape
 * shows one of the board's assets.
 */
final class BoardContent {

    /** The board's shapes, live and removed, by id: where they are looked up and where new ones go. */
    interface Shapes {

        Optional<Shape> find(String shapeId);

        void add(Shape shape);

        /** Whether the board has the asset (an image shape may show only one of its board's assets). */
        boolean hasAsset(String assetId);
    }

    private final Board board;
    private final Shapes shapes;
    private final Supplier<String> user;
    private final Supplier<OffsetDateTime> clock;

    /**
     * Edits of {@code board} by {@code user} (asked only for a change: the new shapes' author, the change's maker),
     * at the times {@code clock} tells.
     */
    BoardContent(Board board, Shapes shapes, Supplier<String> user, Supplier<OffsetDateTime> clock) {
        this.board = board;
        this.shapes = shapes;
        this.user = user;
        this.clock = clock;
    }

    /** Puts the shape; the change says whether the board changed, and whether the shape is new. */
    ShapeChange put(String shapeId, ShapeData data) {
        Shape.validShapeId(shapeId);
        Optional<Shape> existing = shapes.find(shapeId);
        if (existing.isPresent() && !existing.get().differsFrom(data)) {
            return new ShapeChange(existing.get(), false, false);
        }
        if (data.kind() == ShapeKind.IMAGE && !shapes.hasAsset(data.asset())) {
            throw new InvalidInputException(
                    "asset", "this board has no asset " + data.asset() + ": upload the image to its assets first");
        }
        if (existing.map(Shape::removed).orElse(true) && !board.shapeAdded()) {
            throw new BoardFullException();
        }
        long version = board.nextVersion(user.get(), clock.get());
        if (existing.isPresent()) {
            existing.get().update(data, version, clock.get());
            return new ShapeChange(existing.get(), true, false);
        }
        Shape shape = new Shape(
                board.id(), shapeId, data.z() == null ? data.withZ(version) : data, user.get(), version, clock.get());
        shapes.add(shape);
        return new ShapeChange(shape, true, true);
    }

    /** Removes the shape; whether it was there (live) to remove. */
    boolean remove(String shapeId) {
        Optional<Shape> shape = shapes.find(shapeId).filter(s -> !s.removed());
        shape.ifPresent(s -> {
            s.remove(board.nextVersion(user.get(), clock.get()), clock.get());
            board.shapeRemoved();
        });
        return shape.isPresent();
    }

    /**
     * Applies the edits in order; the change they made together, if any (a batch that is all replays makes none).
     * An invalid edit or a full board throws, and the caller's transaction undoes those already applied.
     */
    Optional<BoardChange.ShapesChanged> apply(List<ShapeEdit> edits) {
        long from = board.version();
        List<Shape> put = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (ShapeEdit edit : edits) {
            if (edit instanceof ShapeEdit.Put p) {
                ShapeChange change = put(p.shapeId(), p.data());
                if (change.changed()) {
                    put.add(change.shape());
                }
            } else if (remove(edit.shapeId())) {
                removed.add(edit.shapeId());
            }
        }
        return board.version() == from
                ? Optional.empty()
                : Optional.of(
                        new BoardChange.ShapesChanged(board.id(), from, board.version(), user.get(), put, removed));
    }
}
