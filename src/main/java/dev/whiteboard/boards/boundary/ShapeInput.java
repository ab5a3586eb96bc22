package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.entity.ShapeData;

/**
 * A shape as a client sends it: {@code {"kind":"rectangle","stroke":"#e03131","width":2,"fill":"#ffc9c9",
 * "opacity":1,"points":[0,0,120,80]}}; an image: {@code {"kind":"image","asset":"<asset id>","points":[0,0,64,48]}}.
 * Everything but {@code kind} and {@code points} has a default; an {@code id} in the body, if present, must match the
 * one in the path.
 */
public record ShapeInput(
        String id,
        String kind,
        String stroke,
        Double width,
        String fill,
        Double opacity,
        double[] points,
        String text,
        String asset,
        Long z) {

    ShapeData toData() {
        return ShapeData.fromWire(kind, stroke, width, fill, opacity, points, text, asset, z);
    }
}
