package dev.whiteboard.boards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.boards.entity.Shape;
import dev.whiteboard.boards.entity.ShapeData;
import dev.whiteboard.errors.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The content rules of {@link BoardStore}, on a board and shapes held in memory (the database, the row lock and the
 * all-or-nothing transaction around them are {@code BoardStoreIT}'s).
 */
class BoardContentTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 6, 12, 0, 0, 0, ZoneOffset.UTC);

    /** The board's shape rows, as the database would hold them: live and removed, by id. */
    private final Map<String, Shape> rows = new LinkedHashMap<>();

    private final Board board = new Board("b0000000000000000000000000000001", "Plan", "alice", T0);
    private OffsetDateTime now = T0;
    /** The board's assets, by id. */
    private final Set<String> assets = new HashSet<>();

    private BoardContent by(String user) {
        return new BoardContent(
                board,
                new BoardContent.Shapes() {
                    @Override
                    public Optional<Shape> find(String shapeId) {
                        return Optional.ofNullable(rows.get(shapeId));
                    }

                    @Override
                    public void add(Shape shape) {
                        rows.put(shape.shapeId(), shape);
                    }

                    @Override
                    public boolean hasAsset(String assetId) {
                        return assets.contains(assetId);
                    }

                    @Override
                    public List<Shape> boundTo(String shapeId) {
                        return rows.values().stream()
                                .filter(s -> !s.removed()
                                        && s.data().connector() != null
                                        && s.data().connector().bindsTo(shapeId))
                                .toList();
                    }

                    @Override
                    public List<Shape> live() {
                        return rows.values().stream()
                                .filter(s -> !s.removed())
                                .sorted(Comparator.comparingLong(
                                                (Shape s) -> s.data().z())
                                        .thenComparing(Shape::shapeId))
                                .toList();
                    }
                },
                () -> user,
                () -> now = now.plusSeconds(1));
    }

    private static ShapeData line(double x) {
        return ShapeData.fromWire("pen", "#000000", 2.0, null, 1.0, new double[] {0, 0, x, 10}, null, null, null);
    }

    private static ShapeData image(String asset) {
        return ShapeData.fromWire("image", null, null, null, null, new double[] {0, 0, 40, 30}, null, asset, null);
    }

    @Test
    void anImageShowsOnlyAnAssetOfItsBoardAndNothingChangesWhenItHasNone() {
        String known = "a".repeat(64);
        String unknown = "b".repeat(64);
        assets.add(known);
        by("bob").put("img", image(known));
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> by("bob").put("img2", image(unknown)));
        assertEquals("asset", refused.field().orElseThrow());
        assertThrows(InvalidInputException.class, () -> by("bob").put("img", image(unknown)));
        assertEquals(known, rows.get("img").data().asset());
        assertEquals(1, board.version());
        assertEquals(1, board.liveShapes());
        assertTrue(by("bob").remove("img"));
        assertTrue(
                by("bob").put("img", image(known), null, true).changed(),
                "undoing the removal while the asset is there");
        assertTrue(by("bob").remove("img"));
        assets.clear(); // cleaned up after its grace period
        assertEquals(
                "asset",
                assertThrows(InvalidInputException.class, () -> by("bob").put("img", image(known), null, true))
                        .field()
                        .orElseThrow());
    }

    @Test
    void aNewShapeGetsTheNextVersionAndGoesOnTop() {
        ShapeChange first = by("bob").put("s1", line(1));
        ShapeChange second = by("carol").put("s2", line(2));

        assertTrue(first.changed() && first.created());
        assertEquals(1, first.shape().version());
        assertEquals(1L, first.shape().data().z(), "no z: on top, at the version that added it");
        assertEquals(2L, second.shape().data().z());
        assertEquals("bob", first.shape().author());
        assertEquals(2, board.version());
        assertEquals(2, board.liveShapes());
        assertEquals(List.of("s1", "s2"), List.copyOf(rows.keySet()));
    }

    @Test
    void aGivenZIsKept() {
        assertEquals(7L, by("bob").put("s1", line(1).withZ(7)).shape().data().z());
    }

    @Test
    void aReplayChangesNothing() {
        by("bob").put("s1", line(1));
        ShapeChange replay = by("bob").put("s1", line(1));

        assertFalse(replay.changed() || replay.created());
        assertEquals(1, board.version(), "no new version for content already there");
        assertEquals(1, board.liveShapes());
    }

    @Test
    void newContentReplacesTheShapeUnderANewVersionKeepingItsAuthorAndZ() {
        by("bob").put("s1", line(1));
        by("bob").put("s2", line(2));
        ShapeChange changed = by("carol").put("s1", line(3));

        assertTrue(changed.changed());
        assertFalse(changed.created());
        assertEquals(3, changed.shape().version());
        assertEquals(1L, changed.shape().data().z());
        assertEquals("bob", changed.shape().author());
        assertEquals(2, board.liveShapes(), "replacing adds no shape");
    }

    @Test
    void aRemovedShapeIsATombstoneThatOnlyARestoringPutBringsBack() {
        by("bob").put("s1", line(1));
        assertTrue(by("bob").remove("s1"));
        Shape tombstone = rows.get("s1");
        assertTrue(tombstone.removed());
        assertEquals(2, tombstone.version(), "the tombstone carries the version that removed it");
        assertEquals(0, board.liveShapes());

        assertFalse(by("bob").remove("s1"), "removing twice changes nothing");
        assertFalse(by("bob").remove("never-there"));
        assertEquals(2, board.version());

        assertThrows(
                ShapeRemovedException.class,
                () -> by("carol").put("s1", line(4)),
                "a change to a removed shape (a move racing the removal) does not bring it back");
        assertTrue(tombstone.removed());
        assertEquals(2, board.version());

        ShapeChange restored = by("bob").put("s1", line(1), null, true);
        assertTrue(restored.changed(), "the same content, restoring, brings a removed shape back");
        assertFalse(restored.created());
        assertSame(tombstone, restored.shape());
        assertFalse(tombstone.removed());
        assertEquals(3, board.version());
        assertEquals(1, board.liveShapes());
    }

    @Test
    void aBatchIsOneChangeWithAVersionPerEditThatChangedSomething() {
        by("bob").put("s1", line(1));
        Optional<BoardChange.ShapesChanged> change = by("carol")
                .apply(List.of(
                        new ShapeEdit.Put("s1", line(1)), // a replay: skipped
                        new ShapeEdit.Put("s2", line(2)),
                        new ShapeEdit.Remove("s1"),
                        new ShapeEdit.Remove("s9"), // never there: skipped
                        new ShapeEdit.Put("s2", line(3))));

        BoardChange.ShapesChanged changed = change.orElseThrow();
        assertEquals(1, changed.fromVersion());
        assertEquals(4, changed.version(), "three edits changed something");
        assertEquals("carol", changed.by());
        assertEquals(
                List.of("s2", "s2"), changed.put().stream().map(Shape::shapeId).toList());
        assertEquals(List.of("s1"), changed.removed());
        assertEquals(4, rows.get("s2").version());
    }

    @Test
    void aReplayedBatchMakesNoChange() {
        List<ShapeEdit> batch = List.of(new ShapeEdit.Put("s1", line(1)), new ShapeEdit.Remove("s2"));
        assertTrue(by("bob").apply(batch).isPresent());
        long version = board.version();

        assertEquals(Optional.empty(), by("bob").apply(batch));
        assertEquals(Optional.empty(), by("bob").apply(List.of()));
        assertEquals(version, board.version());
    }

    @Test
    void anInvalidShapeIdIsRefusedBeforeAnythingChanges() {
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> by("bob").put("not an id", line(1)));
        assertEquals(Optional.of("id"), refused.field());
        assertEquals(0, board.version());
        assertTrue(rows.isEmpty());
    }

    @Test
    void aFullBoardTakesNoNewShapeButStillChangesAndRemovesItsShapes() {
        by("bob").put("s1", line(1));
        by("bob").put("s2", line(2));
        assertTrue(by("bob").remove("s2"));
        while (board.liveShapes() < Limits.MAX_SHAPES_PER_BOARD) {
            assertTrue(board.shapeAdded()); // the other shapes, counted as the database would
        }
        long version = board.version();

        assertThrows(BoardFullException.class, () -> by("bob").put("s3", line(3)));
        assertThrows(
                BoardFullException.class, () -> by("bob").put("s2", line(2), null, true), "restoring adds a shape too");
        assertEquals(version, board.version(), "a refused put takes no version");
        assertFalse(rows.containsKey("s3"));
        assertTrue(rows.get("s2").removed());

        assertTrue(by("bob").put("s1", line(9)).changed(), "a shape already there may still change");
        assertTrue(by("bob").remove("s1"));
        assertTrue(by("bob").put("s3", line(3)).created(), "and a removal makes room");
    }

    private List<String> rowsInOrder() {
        return rows.values().stream()
                .filter(s -> !s.removed())
                .sorted(Comparator.comparingLong((Shape s) -> s.data().z()).thenComparing(Shape::shapeId))
                .map(Shape::shapeId)
                .toList();
    }

    private ShapeData unplaced(String id) {
        ShapeData d = rows.get(id).data();
        return new ShapeData(
                d.kind(),
                d.stroke(),
                d.width(),
                d.fill(),
                d.opacity(),
                d.points(),
                d.text(),
                d.asset(),
                null,
                d.rotation(),
                d.locked());
    }

    private void move(String user, String id, String order) {
        by(user).apply(List.of(new ShapeEdit.Put(id, unplaced(id), order)));
    }

    @Test
    void frontBackForwardAndBackwardAreResolvedAgainstTheBoardAsItIs() {
        for (String id : List.of("a", "b", "c", "d")) {
            by("bob").put(id, line(1));
        }
        assertEquals(List.of("a", "b", "c", "d"), rowsInOrder());
        move("bob", "a", "front");
        assertEquals(List.of("b", "c", "d", "a"), rowsInOrder());
        move("bob", "d", "back");
        assertEquals(List.of("d", "b", "c", "a"), rowsInOrder());
        move("bob", "d", "forward");
        assertEquals(List.of("b", "d", "c", "a"), rowsInOrder());
        move("bob", "a", "backward");
        assertEquals(List.of("b", "d", "a", "c"), rowsInOrder());
        long version = board.version();
        move("bob", "c", "front");
        move("bob", "b", "back");
        assertEquals(version, board.version(), "a shape already at the front or back stays: no change");
    }

    @Test
    void twoPeopleReorderingAtOnceBothGetTheirMoveOnTheOrderTheOtherLeft() {
        for (String id : List.of("a", "b", "c")) {
            by("bob").put(id, line(1));
        }
        // both saw a, b, c; bob brings a to the front and carol b, in the order the board applies them
        move("bob", "a", "front");
        move("carol", "b", "front");
        assertEquals(List.of("c", "a", "b"), rowsInOrder(), "the later front wins; the earlier is kept below it");
        move("bob", "c", "forward");
        move("carol", "c", "forward");
        assertEquals(List.of("a", "b", "c"), rowsInOrder(), "two steps forward are two steps");
        Set<Long> zs = new HashSet<>();
        rows.values().forEach(s -> zs.add(s.data().z()));
        assertEquals(3, zs.size(), "no two shapes share a z");
    }

    @Test
    void aStepWithoutRoomMovesTheShapesBeyondAndReportsThem() {
        for (String id : List.of("a", "b", "c", "d")) {
            by("bob").put(id, line(1)); // z 1, 2, 3, 4: no gaps
        }
        BoardChange.ShapesChanged change = by("carol")
                .apply(List.of(new ShapeEdit.Put("a", unplaced("a"), "forward")))
                .orElseThrow();
        assertEquals(List.of("b", "a", "c", "d"), rowsInOrder());
        assertEquals(
                Set.of("a", "c", "d"),
                Set.copyOf(change.put().stream().map(Shape::shapeId).toList()));
        assertEquals(change.version() - change.fromVersion(), change.put().size(), "a version per moved shape");
    }

    @Test
    void anOrderWithAZOrAnUnknownOrderIsRefused() {
        by("bob").put("a", line(1));
        for (ShapeEdit refused : List.of(
                new ShapeEdit.Put("a", line(1).withZ(5), "front"),
                new ShapeEdit.Put("a", line(1), "sideways"),
                new ShapeEdit.Put("new", line(1), "forward"))) {
            InvalidInputException e =
                    assertThrows(InvalidInputException.class, () -> by("bob").apply(List.of(refused)));
            assertEquals("order", e.field().orElseThrow());
        }
        assertEquals(1, board.version());
    }

    @Test
    void aLockedShapeRefusesEverythingButUnlocking() {
        by("bob").put("a", line(1).withLocked(true));
        by("bob").put("b", line(1));
        long version = board.version();
        assertThrows(ShapeLockedException.class, () -> by("carol").put("a", line(2).withLocked(true)));
        assertThrows(ShapeLockedException.class, () -> by("carol").put("a", line(2)));
        assertThrows(ShapeLockedException.class, () -> by("carol").remove("a"));
        assertThrows(ShapeLockedException.class, () -> move("carol", "a", "front"));
        assertEquals(version, board.version());
        assertFalse(by("carol").put("a", line(1).withLocked(true)).changed(), "a replay is still harmless");

        ShapeChange unlocked = by("carol").put("a", line(1));
        assertTrue(unlocked.changed());
        assertFalse(rows.get("a").data().locked());
        assertTrue(by("carol").put("a", line(2)).changed(), "unlocked, it changes again");
        assertTrue(by("carol").remove("a"));
    }
}
