package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a shape is, and how many points its geometry takes. New kinds are added here, with their rule.
 * Stored by name; on the wire in lower case ({@code "pen"}, {@code "rectangle"}).
 */
public enum ShapeKind {
    /** Freehand stroke: one point (a dot) or more. */
    PEN(1, Limits.MAX_POINTS_PER_SHAPE),
    /** Straight line from the first to the second point. */
    LINE(2, 2),
    /** Line with an arrowhead at the second point. */
    ARROW(2, 2),
    /** Axis-aligned box between two corner points. */
    RECTANGLE(2, 2),
    /** Ellipse inscribed in the box between two corner points. */
    ELLIPSE(2, 2),
    /** Text anchored at the first point, optionally wrapped in the box up to the second. */
    TEXT(1, 2),
    /** Image placed in the box between two corner points. */
    IMAGE(2, 2),
    /** Sticky note: a square of its fill colour between two corner points, its text wrapped and sized to fit. */
    NOTE(2, 2);

    private final int minPoints;
    private final int maxPoints;

    ShapeKind(int minPoints, int maxPoints) {
        this.minPoints = minPoints;
        this.maxPoints = maxPoints;
    }

    public int minPoints() {
        return minPoints;
    }

    public int maxPoints() {
        return maxPoints;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ShapeKind fromWire(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("kind", "kind is required; one of " + names());
        }
        for (ShapeKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new InvalidInputException("kind", "unknown kind '" + name + "'; one of " + names());
    }

    private static String names() {
        return Arrays.stream(values()).map(ShapeKind::wireName).collect(Collectors.joining(", "));
    }
}
