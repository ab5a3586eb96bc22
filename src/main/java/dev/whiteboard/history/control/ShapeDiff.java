package dev.whiteboard.history.control;

import dev.whiteboard.boards.entity.ShapeData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What changed between two states of a board's shapes: shapes added (live after, not before), removed (live before,
 * not after) and changed (live in both, with other content). Each side lists, for the shapes that may differ, the
 * state it had then ({@code null} data: absent or removed); shapes in neither are the same on both sides.
 *
 * @param <T> a shape's state as the caller keeps it
 */
public record ShapeDiff<T>(List<T> added, List<Change<T>> changed, List<T> removed) {

    /** A shape live on both sides, before and after. */
    public record Change<T>(T before, T after) {}

    public ShapeDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /**
     * The difference from {@code before} to {@code after}; {@code id} names a state's shape, {@code live} gives its
     * content when it was live then ({@code null} when it was removed). Results keep the order of {@code after}, then
     * of {@code before} for removed shapes.
     */
    public static <T> ShapeDiff<T> between(
            List<T> before, List<T> after, Function<T, String> id, Function<T, ShapeData> live) {
        Map<String, T> then = new LinkedHashMap<>();
        for (T state : before) {
            if (live.apply(state) != null) {
                then.put(id.apply(state), state);
            }
        }
        List<T> added = new ArrayList<>();
        List<Change<T>> changed = new ArrayList<>();
        for (T state : after) {
            ShapeData now = live.apply(state);
            if (now == null) {
                continue;
            }
            T old = then.remove(id.apply(state));
            if (old == null) {
                added.add(state);
            } else if (!live.apply(old).equals(now)) {
                changed.add(new Change<>(old, state));
            }
        }
        return new ShapeDiff<>(added, changed, new ArrayList<>(then.values()));
    }

    /** How many shapes differ. */
    public int size() {
        return added.size() + changed.size() + removed.size();
    }
}
