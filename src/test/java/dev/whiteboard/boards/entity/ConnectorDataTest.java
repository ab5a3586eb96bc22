package dev.whiteboard.boards.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A connector's fields (bindings and label) as a shape's content: their limits, and which kinds carry them. */
class ConnectorDataTest {

    private static ShapeData shape(String kind, Connector connector) {
        return ShapeData.fromWire(
                kind, null, null, null, null, new double[] {0, 0, 100, 50}, null, null, null, null, null, connector);
    }

    private static String rejectedField(Runnable build) {
        return assertThrows(InvalidInputException.class, build::run).field().orElse(null);
    }

    @Test
    void linesAndArrowsCarryBindingsAndALabel() {
        Connector connector = new Connector(new Binding("a", 1, 0.5), new Binding("b", 0, 0), "yes");
        assertEquals(connector, shape("arrow", connector).connector());
        assertEquals(connector, shape("line", connector).connector());
        assertNull(shape("arrow", null).connector());
        assertNull(Connector.of(null, null, null), "nothing bound and no label: no connector");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rectangle", "ellipse", "pen"})
    void otherKindsCarryNone(String kind) {
        assertEquals("start", rejectedField(() -> shape(kind, new Connector(new Binding("a", 0, 0), null, null))));
        assertEquals("end", rejectedField(() -> shape(kind, new Connector(null, new Binding("a", 0, 0), null))));
        assertEquals("label", rejectedField(() -> shape(kind, new Connector(null, null, "x"))));
    }

    @Test
    void anAnchorIsAFractionOfTheShapesBox() {
        assertEquals(0, Binding.of("a", 0, 0, "start").x());
        assertEquals(1, Binding.of("a", 1, 1, "start").y());
        assertEquals("start.x", rejectedField(() -> Binding.of("a", -0.01, 0.5, "start")));
        assertEquals("end.y", rejectedField(() -> Binding.of("a", 0.5, 1.01, "end")));
        assertEquals("end.x", rejectedField(() -> Binding.of("a", Double.NaN, 0.5, "end")));
        assertEquals("end.y", rejectedField(() -> Binding.of("a", 0.5, Double.POSITIVE_INFINITY, "end")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "<script>", "é"})
    void theBoundShapeIsNamedByAShapeId(String id) {
        assertEquals("start.shape", rejectedField(() -> Binding.of(id, 0.5, 0.5, "start")));
        assertEquals("start.shape", rejectedField(() -> Binding.of(null, 0.5, 0.5, "start")));
        assertEquals(
                "end.shape", rejectedField(() -> Binding.of("x".repeat(Limits.MAX_SHAPE_ID_LENGTH + 1), 0, 0, "end")));
    }

    @Test
    void aLabelIsPlainTextUpToTheLimitAndNeverBlank() {
        String longest = "é".repeat(Limits.MAX_LABEL_LENGTH);
        assertEquals(longest, new Connector(null, null, longest).label());
        assertEquals("label", rejectedField(() -> new Connector(null, null, longest + "x")));
        assertEquals("label", rejectedField(() -> new Connector(null, null, "  ")));
        assertEquals("<b>hi</b>", new Connector(null, null, "<b>hi</b>").label(), "kept as text, drawn as text");
    }

    @Test
    void droppingTheBindingsToARemovedShapeKeepsTheRest() {
        Connector connector = new Connector(new Binding("a", 1, 0.5), new Binding("b", 0, 0.5), null);
        assertEquals(new Connector(null, new Binding("b", 0, 0.5), null), connector.without("a"));
        assertNull(new Connector(new Binding("a", 1, 0.5), new Binding("a", 0, 0), null).without("a"));
        assertEquals(new Connector(null, null, "l"), new Connector(new Binding("a", 0, 0), null, "l").without("a"));
    }
}
