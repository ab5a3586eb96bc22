package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A shape's geometry: x,y pairs as one flat array {@code [x0, y0, x1, y1, ...]}, immutable. Coordinates are
 * finite, within {@link Limits#MAX_COORDINATE}, and kept to 1/100 of a canvas unit, which also keeps the
 * stored text compact. Stored as a JSON array of numbers.
 */
public final class Points {

    private final double[] xy;

    private Points(double[] xy) {
        this.xy = xy;
    }

    /** Validates and normalises client coordinates; {@code field} names them in errors. */
    public static Points of(double[] flat, String field) {
        if (flat == null || flat.length == 0) {
            throw new InvalidInputException(field, field + " are required: [x0, y0, x1, y1, ...]");
        }
        if (flat.length % 2 != 0) {
            throw new InvalidInputException(field, field + " must hold x,y pairs (an even count of numbers)");
        }
        if (flat.length / 2 > Limits.MAX_POINTS_PER_SHAPE) {
            throw new InvalidInputException(
                    field, "at most " + Limits.MAX_POINTS_PER_SHAPE + " points per shape, got " + flat.length / 2);
        }
        double[] rounded = new double[flat.length];
        for (int i = 0; i < flat.length; i++) {
            double v = flat[i];
            if (!Double.isFinite(v) || Math.abs(v) > Limits.MAX_COORDINATE) {
                throw new InvalidInputException(
                        field, "coordinates must be finite and within ±" + (long) Limits.MAX_COORDINATE);
            }
            rounded[i] = Math.round(v * 100) / 100.0;
        }
        return new Points(rounded);
    }

    /** Reads the stored form written by {@link #toJson()}. */
    public static Points parse(String json) {
        String body = json.strip();
        if (body.length() < 2 || body.charAt(0) != '[' || body.charAt(body.length() - 1) != ']') {
            throw new IllegalArgumentException("not a JSON array of numbers: " + abbreviate(json));
        }
        String inner = body.substring(1, body.length() - 1).strip();
        if (inner.isEmpty()) {
            throw new IllegalArgumentException("stored points are empty");
        }
        String[] parts = inner.split(",");
        double[] xy = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            xy[i] = Double.parseDouble(parts[i].strip());
        }
        return new Points(xy);
    }

    public int count() {
        return xy.length / 2;
    }

    /** A copy of the flat coordinate array. */
    public double[] toArray() {
        return xy.clone();
    }

    public String toJson() {
        StringBuilder out = new StringBuilder(xy.length * 8).append('[');
        for (int i = 0; i < xy.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            double v = xy[i];
            if (v == Math.rint(v)) {
                out.append((long) v);
            } else {
                out.append(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
            }
        }
        return out.append(']').toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Points other && Arrays.equals(xy, other.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
