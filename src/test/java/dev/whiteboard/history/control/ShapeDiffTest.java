package dev.whiteboard.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.boards.entity.ShapeData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeDiffTest {

    /** A shape's state: its id and its content, {@code null} when it was removed. */
    private record State(String id, ShapeData data) {}

    private static ShapeData pen(double x) {
        return ShapeData.fromWire("pen", "#000000", 2.0, null, 1.0, new double[] {0, 0, x, 10}, null, null, null);
    }

    private static ShapeDiff<State> diff(List<State> before, List<State> after) {
        return ShapeDiff.between(before, after, State::id, State::data);
    }

    @Test
    void tellsAddedChangedAndRemovedShapesApart() {
        ShapeDiff<State> d = diff(
                List.of(new State("same", pen(1)), new State("moved", pen(2)), new State("gone", pen(3))),
                List.of(
                        new State("same", pen(1)),
                        new State("moved", pen(20)),
                        new State("gone", null),
                        new State("new", pen(4))));
        assertEquals(List.of(new State("new", pen(4))), d.added());
        assertEquals(1, d.changed().size());
        assertEquals(pen(2), d.changed().get(0).before().data());
        assertEquals(pen(20), d.changed().get(0).after().data());
        assertEquals(List.of(new State("gone", pen(3))), d.removed());
        assertEquals(3, d.size());
    }

    @Test
    void aShapeAbsentOnOneSideCountsAsRemovedThere() {
        ShapeDiff<State> d = diff(List.of(new State("a", pen(1))), List.of());
        assertEquals(1, d.removed().size());
        ShapeDiff<State> back = diff(List.of(), List.of(new State("a", pen(1))));
        assertEquals(1, back.added().size());
    }

    @Test
    void aShapeRemovedOnBothSidesOrBroughtBackAsItWasIsNoDifference() {
        assertEquals(
                0,
                diff(List.of(new State("a", null)), List.of(new State("a", null)))
                        .size());
        assertTrue(diff(List.of(new State("a", pen(1))), List.of(new State("a", pen(1))))
                .changed()
                .isEmpty());
    }
}
