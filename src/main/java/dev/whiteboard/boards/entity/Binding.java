package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;

/**
 * One end of a connector (a line or an arrow) bound to another shape of the board: the shape's id and where on it the
 * end sits, as fractions of the shape's unturned box ({@code x} 0 is its left edge, 1 its right; {@code y} 0 its top,
 * 1 its bottom), so the end follows the shape when it moves, resizes or turns. Whether the shape is on the board is
 * checked where the connector is stored ({@code BoardContent}).
 *
 * @param shape the bound shape's id
 * @param x     across the box, 0 to 1
 * @param y     down the box, 0 to 1
 */
public record Binding(String shape, double x, double y) {

    public Binding {
        check(shape, x, y, "binding");
    }

    /** A binding read from the wire; {@code field} ({@code start} or {@code end}) names what is wrong with it. */
    public static Binding of(String shape, double x, double y, String field) {
        check(shape, x, y, field);
        return new Binding(shape, x, y);
    }

    private static void check(String shape, double x, double y, String field) {
        if (shape == null || !Shape.SHAPE_ID.matcher(shape).matches()) {
            throw new InvalidInputException(
                    field + ".shape",
                    "a binding names its shape by id: 1 to " + Limits.MAX_SHAPE_ID_LENGTH
                            + " characters of A-Z, a-z, 0-9, _ and -");
        }
        anchor(x, field + ".x");
        anchor(y, field + ".y");
    }

    private static void anchor(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInputException(
                    field, field + " must be a number from 0 to 1 (a fraction of the shape's box)");
        }
    }
}
