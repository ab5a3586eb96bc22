package dev.whiteboard.boards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.boards.control.StackOrder.Move;
import dev.whiteboard.boards.control.StackOrder.Place;
import dev.whiteboard.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stacking-order rule, on orders held in memory. */
class StackOrderTest {

    private static List<Place> places(Object... idAndZ) {
        List<Place> out = new ArrayList<>();
        for (int i = 0; i < idAndZ.length; i += 2) {
            out.add(new Place((String) idAndZ[i], ((Number) idAndZ[i + 1]).longValue()));
        }
        out.sort(Comparator.comparingLong(Place::z).thenComparing(Place::id));
        return out;
    }

    /** Applies the move the way the board does, and answers the ids lowest first. */
    private static List<Place> apply(List<Place> live, String id, Move move) {
        Map<String, Long> z = StackOrder.resolve(live, id, move);
        List<Place> out = new ArrayList<>();
        live.forEach(p -> out.add(new Place(p.id(), z.getOrDefault(p.id(), p.z()))));
        out.sort(Comparator.comparingLong(Place::z).thenComparing(Place::id));
        return out;
    }

    private static List<String> ids(List<Place> places) {
        return places.stream().map(Place::id).toList();
    }

    @Test
    void frontAndBackGoPastTheHighestAndLowestZ() {
        List<Place> live = places("a", 1, "b", 5, "c", 9);
        assertEquals(Map.of("a", 10L), StackOrder.resolve(live, "a", Move.FRONT));
        assertEquals(Map.of("c", 0L), StackOrder.resolve(live, "c", Move.BACK));
        assertEquals(Map.of(), StackOrder.resolve(live, "c", Move.FRONT), "already at the front");
        assertEquals(Map.of(), StackOrder.resolve(live, "a", Move.BACK), "already at the back");
        assertEquals(Map.of(), StackOrder.resolve(places(), "new", Move.BACK), "alone: no move");
        assertEquals(Map.of("new", 0L), StackOrder.resolve(live, "new", Move.BACK), "a new shape may go to the back");
    }

    @Test
    void aShapeSharingTheTopZIsStillBroughtAboveIt() {
        assertEquals(Map.of("b", 6L), StackOrder.resolve(places("a", 5, "b", 5), "b", Move.FRONT));
        assertEquals(Map.of("a", 4L), StackOrder.resolve(places("a", 5, "b", 5), "a", Move.BACK));
    }

    @Test
    void aStepUsesTheFreeZPastTheNeighbourOrMakesRoom() {
        assertEquals(Map.of("a", 6L), StackOrder.resolve(places("a", 1, "b", 5, "c", 9), "a", Move.FORWARD));
        assertEquals(Map.of("c", 4L), StackOrder.resolve(places("a", 1, "b", 5, "c", 9), "c", Move.BACKWARD));
        assertEquals(
                Map.of("a", 3L, "c", 4L, "d", 5L),
                StackOrder.resolve(places("a", 1, "b", 2, "c", 3, "d", 4), "a", Move.FORWARD));
        assertEquals(
                Map.of("d", 2L, "b", 1L, "a", 0L),
                StackOrder.resolve(places("a", 1, "b", 2, "c", 3, "d", 4), "d", Move.BACKWARD));
        assertEquals(
                Map.of("a", 3L, "c", 4L, "d", 5L),
                StackOrder.resolve(places("a", 1, "b", 2, "c", 3, "d", 4, "e", 6, "f", 9), "a", Move.FORWARD),
                "only the run up to the first free z moves");
        assertEquals(Map.of(), StackOrder.resolve(places("a", 1, "b", 2), "b", Move.FORWARD), "the top stays");
        assertEquals(Map.of(), StackOrder.resolve(places("a", 1, "b", 2), "a", Move.BACKWARD), "the bottom stays");
    }

    @Test
    void onlyAShapeOnTheBoardStepsAndWordsAreChecked() {
        assertThrows(InvalidInputException.class, () -> StackOrder.resolve(places("a", 1), "x", Move.FORWARD));
        assertEquals(Move.FRONT, Move.fromWire("front"));
        assertEquals(null, Move.fromWire(null));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Move.fromWire("top"));
        assertEquals("order", e.field().orElseThrow());
        assertThrows(
                InvalidInputException.class,
                () -> StackOrder.resolve(places("a", 1, "b", Long.MAX_VALUE), "a", Move.FRONT));
    }

    /**
     * Moves arriving in any interleaving: each step is one place exactly (the others keep their order), front and
     * back are exact, and no two shapes ever share a z; so the order the board ends at depends only on the order
     * it applied the moves in, which is the order everyone is told.
     */
    @Test
    void manyMovesInAnyOrderKeepAStrictOrderAndDoExactlyTheirStep() {
        Random random = new Random(15);
        List<Place> live = places("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6);
        for (int i = 0; i < 2_000; i++) {
            String id = live.get(random.nextInt(live.size())).id();
            Move move = Move.values()[random.nextInt(4)];
            List<String> before = new ArrayList<>(ids(live));
            live = apply(live, id, move);
            List<String> expected = new ArrayList<>(before);
            int at = expected.indexOf(id);
            expected.remove(at);
            int to = switch (move) {
                case FRONT -> expected.size();
                case BACK -> 0;
                case FORWARD -> Math.min(at + 1, expected.size());
                case BACKWARD -> Math.max(at - 1, 0);
            };
            expected.add(to, id);
            assertEquals(expected, ids(live), move + " " + id + " from " + before);
            Map<Long, String> zs = new HashMap<>();
            for (Place p : live) {
                assertEquals(null, zs.put(p.z(), p.id()), "z shared: " + live);
            }
        }
    }
}
