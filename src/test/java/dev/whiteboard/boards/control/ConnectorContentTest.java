package dev.whiteboard.boards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.boards.entity.Binding;
import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.Connector;
import dev.whiteboard.boards.entity.Shape;
import dev.whiteboard.boards.entity.ShapeData;
import dev.whiteboard.errors.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Connectors on a board held in memory: what a binding may point at, and what removing a bound shape does. */
class ConnectorContentTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

    private final Map<String, Shape> rows = new LinkedHashMap<>();
    private final Board board = new Board("b0000000000000000000000000000002", "Flow", "alice", T0);
    private OffsetDateTime now = T0;

    private BoardContent content() {
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
                        return false;
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

                    @Override
                    public List<Shape> boundTo(String shapeId) {
                        return rows.values().stream()
                                .filter(s -> !s.removed()
                                        && s.data().connector() != null
                                        && s.data().connector().bindsTo(shapeId))
                                .toList();
                    }
                },
                () -> "bob",
                () -> now = now.plusSeconds(1));
    }

    private static ShapeData box(double x) {
        return ShapeData.fromWire(
                "rectangle", null, null, null, null, new double[] {x, 0, x + 50, 40}, null, null, null);
    }

    private static ShapeData arrow(String from, String to, String label) {
        return ShapeData.fromWire(
                "arrow",
                null,
                null,
                null,
                null,
                new double[] {50, 20, 200, 20},
                null,
                null,
                null,
                null,
                null,
                Connector.of(
                        from == null ? null : new Binding(from, 1, 0.5),
                        to == null ? null : new Binding(to, 0, 0.5),
                        label));
    }

    private String refusedField(Runnable put) {
        return assertThrows(InvalidInputException.class, put::run).field().orElse(null);
    }

    @Test
    void anArrowBindsToShapesOfTheBoardAndIsStoredWithItsLabel() {
        content().put("a", box(0));
        content().put("b", box(200));
        content().put("c", arrow("a", "b", "yes"));
        Connector stored = rows.get("c").data().connector();
        assertEquals(new Binding("a", 1, 0.5), stored.start());
        assertEquals(new Binding("b", 0, 0.5), stored.end());
        assertEquals("yes", stored.label());
        assertEquals(3, board.version());
    }

    @Test
    void aBindingToAShapeThatIsNotThereToItselfOrToAnotherConnectorIsRefused() {
        content().put("a", box(0));
        assertEquals("end.shape", refusedField(() -> content().put("c", arrow("a", "nowhere", null))));
        assertEquals("start.shape", refusedField(() -> content().put("c", arrow("c", null, null))));
        content().put("c", arrow("a", null, null));
        assertEquals("end.shape", refusedField(() -> content().put("d", arrow(null, "c", null))));
        content().remove("a");
        assertEquals("start.shape", refusedField(() -> content().put("d", arrow("a", null, null))), "a removed shape");
        assertEquals(3, rows.values().stream().filter(s -> !s.removed()).count() + 2);
    }

    @Test
    void removingABoundShapeDropsTheBindingsToItAndLeavesTheEndsWhereTheyWere() {
        BoardContent content = content();
        content.put("a", box(0));
        content.put("b", box(200));
        content.put("c", arrow("a", "b", "flow"));
        content.put("d", arrow("a", null, null));
        // a locked connector is unbound as well: the stored board never points at a missing shape
        content.put("d", arrow("a", null, null).withLocked(true));
        long before = board.version();

        Optional<BoardChange.ShapesChanged> change = content.apply(List.of(new ShapeEdit.Remove("a")));

        assertEquals(List.of("a"), change.orElseThrow().removed());
        Set<String> put =
                change.orElseThrow().put().stream().map(Shape::shapeId).collect(Collectors.toSet());
        assertEquals(Set.of("c", "d"), put, "the connectors changed go out with the removal");
        Connector c = rows.get("c").data().connector();
        assertNull(c.start());
        assertEquals(new Binding("b", 0, 0.5), c.end());
        assertEquals("flow", c.label());
        assertNull(rows.get("d").data().connector(), "nothing left: no connector");
        assertTrue(rows.get("d").data().locked());
        assertEquals(before + 3, board.version(), "the removal and each connector, a version each");
        assertEquals(50, rows.get("c").data().points().toArray()[0], "the end stays where it was");
    }
}
