package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Binding;
import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.Shape;
import dev.whiteboard.boards.entity.ShapeData;
import dev.whiteboard.boards.entity.ShapeKind;
import dev.whiteboard.errors.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of a board's content, apart from where it is kept ({@link BoardStore} keeps it in the database, locked
 * for the change): putting a shape adds it, replaces its content or (when the put says {@code restore}) brings it back
 * when removed, and a replay of content
 * already there changes nothing; removing leaves a tombstone (the shape, marked removed, with the version that
 * removed it) and removing again changes nothing; each edit that changes something gets the board's next version;
 * a board holds at most {@code Limits.MAX_SHAPES_PER_BOARD} live shapes ({@link BoardFullException}); an image shape
 * shows one of the board's assets; a locked shape refuses every change but unlocking ({@link ShapeLockedException});
 * a put may move the shape in the stacking order ({@link StackOrder}), resolved here against the board as it is;
 * a connector (a line or an arrow) binds its ends only to live shapes of the board other than lines, arrows and
 * itself, and removing a shape drops the bindings to it (the connectors' ends stay where they are, each connector
 * changed with a version of its own, whatever its lock): the stored board never points at a missing shape.
 */
final class BoardContent {

    /** The board's shapes, live and removed, by id: where they are looked up and where new ones go. */
    interface Shapes {

        Optional<Shape> find(String shapeId);

        void add(Shape shape);

        /** Whether the board has the asset (an image shape may show only one of its board's assets). */
        boolean hasAsset(String assetId);

        /** The live shapes, lowest first (by z, then id), with the edits made so far. */
        List<Shape> live();

        /** The live connectors with an end bound to {@code shapeId}, with the edits made so far. */
        List<Shape> boundTo(String shapeId);
    }

    private final Board board;
    private final Shapes shapes;
    private final Supplier<String> user;
    private final Supplier<OffsetDateTime> clock;
    /** The live shapes' places, lowest first, while only moves in the order are made (read once for a batch). */
    private List<StackOrder.Place> stack;
    /** Shapes moved in the stacking order to make room for another's move, since the last {@link #restacked()}. */
    private final List<Shape> restacked = new ArrayList<>();
    /** Connectors whose bindings to a removed shape were dropped, since the last {@link #unbound()}. */
    private final List<Shape> unbound = new ArrayList<>();

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
        return put(shapeId, data, null, false);
    }

    /**
     * Puts the shape, moved in the stacking order as {@code order} says ({@code null}: no move; see {@link
     * StackOrder}); a move gives the shape its z (a {@code z} as well is refused), and may move others to make room
     * (see {@link #restacked()}). A removed shape is brought back only when {@code restore} says so; otherwise the
     * put is refused ({@link ShapeRemovedException}).
     */
    ShapeChange put(String shapeId, ShapeData data, String order, boolean restore) {
        Shape.validShapeId(shapeId);
        StackOrder.Move move = StackOrder.Move.fromWire(order);
        Map<String, Long> moves = Map.of();
        if (move != null) {
            if (data.z() != null) {
                throw new InvalidInputException("order", "give a shape z or order, not both");
            }
            if (stack == null) {
                stack = shapes.live().stream()
                        .map(s -> new StackOrder.Place(s.shapeId(), s.data().z()))
                        .toList();
            }
            moves = StackOrder.resolve(stack, shapeId, move);
            if (moves.containsKey(shapeId)) {
                data = data.withZ(moves.get(shapeId));
            }
        }
        Optional<Shape> existing = shapes.find(shapeId);
        if (existing.isPresent() && existing.get().removed() && !restore) {
            throw new ShapeRemovedException(shapeId);
        }
        if (existing.isPresent() && !existing.get().differsFrom(data)) {
            return new ShapeChange(existing.get(), false, false);
        }
        if (existing.isPresent()
                && !existing.get().removed()
                && existing.get().data().locked()) {
            ShapeData unlocked = existing.get().data().withLocked(false);
            if (data.locked() || !unlocked.equals(data.z() == null ? data.withZ(unlocked.z()) : data)) {
                throw new ShapeLockedException(shapeId);
            }
        }
        restack(shapeId, moves);
        stack = move == null ? null : moved(stack, shapeId, moves);
        if (data.kind() == ShapeKind.IMAGE && !shapes.hasAsset(data.asset())) {
            throw new InvalidInputException(
                    "asset", "this board has no asset " + data.asset() + ": upload the image to its assets first");
        }
        if (data.connector() != null) {
            checkBinding(shapeId, data.connector().start(), "start");
            checkBinding(shapeId, data.connector().end(), "end");
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

    /** A connector's end may be bound only to a live shape of the board that is not a connector itself. */
    private void checkBinding(String shapeId, Binding binding, String field) {
        if (binding == null) {
            return;
        }
        if (binding.shape().equals(shapeId)) {
            throw new InvalidInputException(field + ".shape", "a line or an arrow cannot be bound to itself");
        }
        Optional<Shape> target = shapes.find(binding.shape()).filter(s -> !s.removed());
        if (target.isEmpty()) {
            throw new InvalidInputException(
                    field + ".shape", "this board has no shape " + binding.shape() + " to bind " + field + " to");
        }
        ShapeKind kind = target.get().data().kind();
        if (kind == ShapeKind.LINE || kind == ShapeKind.ARROW) {
            throw new InvalidInputException(
                    field + ".shape", "a line or an arrow binds to other shapes, not to a " + kind.wireName());
        }
    }

    /** {@code places} after {@code moves}, lowest first again ({@code shapeId} added if it was not there). */
    private static List<StackOrder.Place> moved(
            List<StackOrder.Place> places, String shapeId, Map<String, Long> moves) {
        List<StackOrder.Place> out = new ArrayList<>();
        boolean found = false;
        for (StackOrder.Place p : places) {
            found |= p.id().equals(shapeId);
            out.add(new StackOrder.Place(p.id(), moves.getOrDefault(p.id(), p.z())));
        }
        if (!found) {
            return null; // a new shape: read the order again when it is next needed
        }
        out.sort(Comparator.comparingLong(StackOrder.Place::z).thenComparing(StackOrder.Place::id));
        return out;
    }

    /** Moves the shapes other than {@code shapeId} that {@code moves} names, each as a change of its own. */
    private void restack(String shapeId, Map<String, Long> moves) {
        if (moves.size() <= 1) {
            return;
        }
        Map<String, Shape> live = new HashMap<>();
        shapes.live().forEach(s -> live.put(s.shapeId(), s));
        moves.forEach((id, z) -> {
            if (!id.equals(shapeId)) {
                Shape other = live.get(id);
                other.restack(z, board.nextVersion(user.get(), clock.get()), clock.get());
                restacked.add(other);
            }
        });
    }

    /** The shapes moved to make room since the last call (each changed, with a version of its own). */
    List<Shape> restacked() {
        List<Shape> moved = List.copyOf(restacked);
        restacked.clear();
        return moved;
    }

    /** Removes the shape; whether it was there (live) to remove. A locked shape is refused. */
    boolean remove(String shapeId) {
        Optional<Shape> shape = shapes.find(shapeId).filter(s -> !s.removed());
        if (shape.isPresent() && shape.get().data().locked()) {
            throw new ShapeLockedException(shapeId);
        }
        stack = null;
        shape.ifPresent(s -> {
            s.remove(board.nextVersion(user.get(), clock.get()), clock.get());
            board.shapeRemoved();
            for (Shape connector : shapes.boundTo(shapeId)) {
                connector.unbind(shapeId, board.nextVersion(user.get(), clock.get()), clock.get());
                unbound.add(connector);
            }
        });
        return shape.isPresent();
    }

    /** The connectors unbound from removed shapes since the last call (each changed, with a version of its own). */
    List<Shape> unbound() {
        List<Shape> changed = List.copyOf(unbound);
        unbound.clear();
        return changed;
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
                ShapeChange change = put(p.shapeId(), p.data(), p.order(), p.restore());
                put.addAll(restacked());
                if (change.changed()) {
                    put.add(change.shape());
                }
            } else if (remove(edit.shapeId())) {
                removed.add(edit.shapeId());
                put.addAll(unbound());
            }
        }
        return board.version() == from
                ? Optional.empty()
                : Optional.of(
                        new BoardChange.ShapesChanged(board.id(), from, board.version(), user.get(), put, removed));
    }
}
