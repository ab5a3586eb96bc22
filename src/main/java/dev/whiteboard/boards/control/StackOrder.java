package dev.whiteboard.boards.control;

import dev.whiteboard.errors.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stacking-order rule: where a shape goes when it is brought to the front, sent to the back, or moved one step
 * forward or backward. The board resolves a move when it applies it, under the board's lock, against the order it
 * has then (lowest first by {@code z}, then by id), so two people reordering at once cannot undo or corrupt each
 * other's move: the later one is applied to the order the earlier one left, and everyone is told the z values that
 * resulted. Only the moved shape changes, except when a step has no free z next to its neighbour: then the shapes on
 * the far side of the neighbour, up to the first free z, are moved one further to make room, keeping their order.
 */
final class StackOrder {

    /** A move in the stacking order, as named on the wire ({@code "order":"front"}). */
    enum Move {
        FRONT,
        BACK,
        FORWARD,
        BACKWARD;

        static Move fromWire(String value) {
            if (value == null) {
                return null;
            }
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("order", "order must be front, back, forward or backward");
            }
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A live shape's place: its id and z. */
    record Place(String id, long z) {}

    private StackOrder() {}

    /**
     * The z values {@code move} gives: the moved shape's (absent when it stays where it is) and those of the shapes
     * moved to make room. {@code live} is the board's live shapes lowest first, by z then id; {@code id} may be
     * among them or be a new shape (which only goes to the front or the back).
     */
    static Map<String, Long> resolve(List<Place> live, String id, Move move) {
        Map<String, Long> result = new LinkedHashMap<>();
        int at = -1;
        for (int i = 0; i < live.size(); i++) {
            if (live.get(i).id().equals(id)) {
                at = i;
            }
        }
        List<Place> others = live.stream().filter(p -> !p.id().equals(id)).toList();
        if (at < 0 && (move == Move.FORWARD || move == Move.BACKWARD)) {
            throw new InvalidInputException("order", "only a shape on the board moves " + move.wireName());
        }
        if (others.isEmpty()) {
            return result;
        }
        switch (move) {
            case FRONT -> {
                Place top = others.get(others.size() - 1);
                if (at != live.size() - 1 || live.get(at).z() == top.z()) {
                    result.put(id, next(top.z(), 1));
                }
            }
            case BACK -> {
                Place bottom = others.get(0);
                if (at != 0 || live.get(at).z() == bottom.z()) {
                    result.put(id, next(bottom.z(), -1));
                }
            }
            case FORWARD -> {
                if (at < live.size() - 1) {
                    step(live.get(at + 1).z(), 1, id, others, result);
                }
            }
            case BACKWARD -> {
                if (at > 0) {
                    step(live.get(at - 1).z(), -1, id, others, result);
                }
            }
        }
        return result;
    }

    /**
     * Just past the neighbour at {@code z} in {@code direction}; when another shape has that z, the run of taken z
     * values from there on moves one further (the shapes beyond the first free z stay).
     */
    private static void step(long z, int direction, String id, List<Place> others, Map<String, Long> result) {
        long target = next(z, direction);
        result.put(id, target);
        Set<Long> taken = others.stream().map(Place::z).collect(Collectors.toSet());
        if (!taken.contains(target)) {
            return;
        }
        long end = target;
        while (taken.contains(end + direction)) {
            end = next(end, direction);
        }
        long low = Math.min(target, end);
        long high = Math.max(target, end);
        for (Place p : others) {
            if (p.z() >= low && p.z() <= high) {
                result.put(p.id(), next(p.z(), direction));
            }
        }
    }

    private static long next(long z, int direction) {
        if (direction > 0 ? z == Long.MAX_VALUE : z == Long.MIN_VALUE) {
            throw new InvalidInputException("order", "the board's z values are at their limit");
        }
        return z + direction;
    }
}
