package dev.whiteboard.boards.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.errors.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShapeTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 22, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime T1 = T0.plusMinutes(1);

    private static ShapeData rectangle(double right) {
        return ShapeData.fromWire(
                "rectangle", "#000000", 2.0, null, 1.0, new double[] {0, 0, right, 10}, null, null, null);
    }

    @Test
    void aReplayOfTheSameContentChangesNothing() {
        Shape shape = new Shape("board", "s-1", rectangle(10).withZ(3), "alice", 1, T0);
        assertFalse(shape.differsFrom(rectangle(10)), "same content, z left to the board");
        assertFalse(shape.differsFrom(rectangle(10).withZ(3)));
        assertTrue(shape.differsFrom(rectangle(10).withZ(4)));
        assertTrue(shape.differsFrom(rectangle(11)));
    }

    @Test
    void anUpdateKeepsIdentityAndZUnlessGiven() {
        Shape shape = new Shape("board", "s-1", rectangle(10).withZ(3), "alice", 1, T0);
        shape.update(rectangle(20), 5, T1);
        assertEquals(3L, shape.data().z());
        assertEquals(5, shape.version());
        assertEquals(T0, shape.createdAt());
        assertEquals(T1, shape.updatedAt());
        assertEquals("alice", shape.author());
        assertEquals("s-1", shape.shapeId());
    }

    @Test
    void removalLeavesATombstoneThatAnUpdateRestores() {
        Shape shape = new Shape("board", "s-1", rectangle(10).withZ(3), "alice", 1, T0);
        shape.remove(2, T1);
        assertTrue(shape.removed());
        assertEquals(2, shape.version());
        assertTrue(shape.differsFrom(rectangle(10)), "storing a removed shape again restores it");
        shape.update(rectangle(10), 3, T1);
        assertFalse(shape.removed());
        assertEquals(3, shape.version());
    }

    @Test
    void shapeIdsAreShortAndUrlSafe() {
        new Shape("board", "a".repeat(Limits.MAX_SHAPE_ID_LENGTH), rectangle(1).withZ(1), "alice", 1, T0);
        for (String bad : new String[] {null, "", "a b", "a/b", "é", "a".repeat(Limits.MAX_SHAPE_ID_LENGTH + 1)}) {
            assertEquals(
                    "id",
                    assertThrows(
                                    InvalidInputException.class,
                                    () -> new Shape("board", bad, rectangle(1).withZ(1), "alice", 1, T0))
                            .field()
                            .orElseThrow());
        }
    }

    @Test
    void aNewShapeNeedsItsZ() {
        assertThrows(NullPointerException.class, () -> new Shape("board", "s", rectangle(1), "alice", 1, T0));
    }
}
