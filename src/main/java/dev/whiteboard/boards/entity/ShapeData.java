package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a shape looks like, validated: the drawable content a client sends, without identity or history.
 * Building one enforces every per-shape rule and limit; an instance is always valid.
 *
 * @param kind    what is drawn
 * @param stroke  stroke colour, {@code #rgb}, {@code #rrggbb} or {@code #rrggbbaa}, lower case
 * @param width   stroke width, or font size for text
 * @param fill    fill colour like {@code stroke}, or {@code null} for none; a note's colour (required)
 * @param opacity 0 (invisible) to 1 (opaque)
 * @param points  geometry, as many points as the kind takes
 * @param text    the text of a text shape or a note; {@code null} for other kinds
 * @param asset   the asset an image shape shows (the id its upload answered with, see {@link BoardAsset});
 *                {@code null} for other kinds. Whether the board has that asset is checked where the shape is
 *                stored.
 * @param z       stacking order (higher is drawn later), or {@code null} to let the board choose
 * @param rotation clockwise turn about the centre of the shape's box, in degrees, normalised to [0, 360)
 * @param locked  whether the shape is locked: it is not picked by a click or a marquee, and the board refuses every
 *                change to it but unlocking (see {@code BoardContent})
 * @param connector a line's or an arrow's bound ends and label, or {@code null}; other kinds carry none. Whether the
 *                bound shapes are on the board is checked where the shape is stored.
 */
public record ShapeData(
        ShapeKind kind,
        String stroke,
        double width,
        String fill,
        double opacity,
        Points points,
        String text,
        String asset,
        Long z,
        double rotation,
        boolean locked,
        Connector connector) {

    public static final String DEFAULT_STROKE = "#1e1e1e";
    public static final double DEFAULT_WIDTH = 2;
    public static final double DEFAULT_OPACITY = 1;
    /** A note's colour when the client names none (a soft yellow). */
    public static final String DEFAULT_NOTE_FILL = "#ffd43b";

    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})");

    /** Without a rotation. */
    public ShapeData(
            ShapeKind kind,
            String stroke,
            double width,
            String fill,
            double opacity,
            Points points,
            String text,
            String asset,
            Long z) {
        this(kind, stroke, width, fill, opacity, points, text, asset, z, 0, false, null);
    }

    /** Not locked. */
    public ShapeData(
            ShapeKind kind,
            String stroke,
            double width,
            String fill,
            double opacity,
            Points points,
            String text,
            String asset,
            Long z,
            double rotation) {
        this(kind, stroke, width, fill, opacity, points, text, asset, z, rotation, false);
    }

    /** Without bindings or a label. */
    public ShapeData(
            ShapeKind kind,
            String stroke,
            double width,
            String fill,
            double opacity,
            Points points,
            String text,
            String asset,
            Long z,
            double rotation,
            boolean locked) {
        this(kind, stroke, width, fill, opacity, points, text, asset, z, rotation, locked, null);
    }

    public ShapeData {
        rotation = rotation(rotation);
        if (kind == null) {
            throw new InvalidInputException("kind", "kind is required");
        }
        stroke = colour(stroke, "stroke");
        if (stroke == null) {
            throw new InvalidInputException("stroke", "stroke colour is required");
        }
        fill = colour(fill, "fill");
        if (!Double.isFinite(width) || width < Limits.MIN_STROKE_WIDTH || width > Limits.MAX_STROKE_WIDTH) {
            throw new InvalidInputException(
                    "width",
                    "width must be between " + Limits.MIN_STROKE_WIDTH + " and " + (int) Limits.MAX_STROKE_WIDTH);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new InvalidInputException("opacity", "opacity must be between 0 and 1");
        }
        if (points == null) {
            throw new InvalidInputException("points", "points are required");
        }
        if (points.count() < kind.minPoints() || points.count() > kind.maxPoints()) {
            throw new InvalidInputException(
                    "points",
                    kind.wireName() + " takes "
                            + (kind.minPoints() == kind.maxPoints()
                                    ? String.valueOf(kind.minPoints())
                                    : kind.minPoints() + " to " + kind.maxPoints())
                            + " points, got " + points.count());
        }
        if (kind == ShapeKind.TEXT || kind == ShapeKind.NOTE) {
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("text", "a " + kind.wireName() + " shape needs text");
            }
            if (text.length() > Limits.MAX_TEXT_LENGTH) {
                throw new InvalidInputException("text", "text is limited to " + Limits.MAX_TEXT_LENGTH + " characters");
            }
        } else if (text != null) {
            throw new InvalidInputException("text", "only text shapes and notes carry text");
        }
        if (kind == ShapeKind.NOTE && fill == null) {
            throw new InvalidInputException("fill", "a note needs a fill colour");
        }
        if (kind == ShapeKind.IMAGE) {
            BoardAsset.validId(asset, "asset");
        } else if (asset != null) {
            throw new InvalidInputException("asset", "only image shapes carry an asset");
        }
        if (connector != null && kind != ShapeKind.LINE && kind != ShapeKind.ARROW) {
            String field = connector.start() != null ? "start" : connector.end() != null ? "end" : "label";
            throw new InvalidInputException(field, "only lines and arrows carry " + field);
        }
    }

    /**
     * Builds from wire values, filling the defaults (stroke {@value #DEFAULT_STROKE}, width 2, opacity 1, and
     * for a note fill {@value #DEFAULT_NOTE_FILL}).
     */
    public static ShapeData fromWire(
            String kind,
            String stroke,
            Double width,
            String fill,
            Double opacity,
            double[] points,
            String text,
            String asset,
            Long z) {
        return fromWire(kind, stroke, width, fill, opacity, points, text, asset, z, null);
    }

    /** As above, with a rotation in degrees ({@code null} for none), normalised to [0, 360). */
    public static ShapeData fromWire(
            String kind,
            String stroke,
            Double width,
            String fill,
            Double opacity,
            double[] points,
            String text,
            String asset,
            Long z,
            Double rotation) {
        return fromWire(kind, stroke, width, fill, opacity, points, text, asset, z, rotation, null);
    }

    /** As above, locked or not ({@code null}: not). */
    public static ShapeData fromWire(
            String kind,
            String stroke,
            Double width,
            String fill,
            Double opacity,
            double[] points,
            String text,
            String asset,
            Long z,
            Double rotation,
            Boolean locked) {
        return fromWire(kind, stroke, width, fill, opacity, points, text, asset, z, rotation, locked, null);
    }

    /** As above, with a line's or an arrow's bindings and label ({@code null}: none). */
    public static ShapeData fromWire(
            String kind,
            String stroke,
            Double width,
            String fill,
            Double opacity,
            double[] points,
            String text,
            String asset,
            Long z,
            Double rotation,
            Boolean locked,
            Connector connector) {
        ShapeKind shapeKind = ShapeKind.fromWire(kind);
        return new ShapeData(
                shapeKind,
                stroke == null ? DEFAULT_STROKE : stroke,
                width == null ? DEFAULT_WIDTH : width,
                fill == null && shapeKind == ShapeKind.NOTE ? DEFAULT_NOTE_FILL : fill,
                opacity == null ? DEFAULT_OPACITY : opacity,
                Points.of(points, "points"),
                text,
                asset,
                z,
                rotation == null ? 0 : rotation,
                Boolean.TRUE.equals(locked),
                connector);
    }

    /** The same content at the given stacking order. */
    public ShapeData withZ(long newZ) {
        return new ShapeData(
                kind, stroke, width, fill, opacity, points, text, asset, newZ, rotation, locked, connector);
    }

    /** The same content, locked or not. */
    public ShapeData withLocked(boolean lock) {
        return new ShapeData(kind, stroke, width, fill, opacity, points, text, asset, z, rotation, lock, connector);
    }

    /** The same content with these bindings and label ({@code null}: none). */
    public ShapeData withConnector(Connector newConnector) {
        return new ShapeData(
                kind, stroke, width, fill, opacity, points, text, asset, z, rotation, locked, newConnector);
    }

    /**
     * A rotation in degrees as stored: any finite number, turned into [0, 360) ({@code -90} is {@code 270},
     * {@code 360} is {@code 0}); {@code NaN} and the infinities are refused.
     */
    static double rotation(double degrees) {
        if (!Double.isFinite(degrees)) {
            throw new InvalidInputException("rotation", "rotation must be a finite number of degrees");
        }
        double turned = degrees % 360;
        if (turned < 0) {
            turned += 360;
        }
        return turned >= 360 || turned == 0 ? 0 : turned; // -1e-20 + 360 rounds to 360; -0.0 is 0
    }

    private static String colour(String value, String field) {
        if (value == null) {
            return null;
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(lower).matches()) {
            throw new InvalidInputException(field, field + " must be a colour like #1e1e1e");
        }
        return lower;
    }
}
