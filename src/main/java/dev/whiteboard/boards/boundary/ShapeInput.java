package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.entity.ShapeData;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

/**
 * A shape as a client sends it: {@code {"kind":"rectangle","stroke":"#e03131","width":2,"fill":"#ffc9c9",
 * "opacity":1,"points":[0,0,120,80],"rotation":30}}; an image: {@code {"kind":"image","asset":"<asset id>",
 * "points":[0,0,64,48]}}. Everything but {@code kind} and {@code points} has a default ({@code rotation}: 0 degrees;
 * a JSON number, not a string of one, stored normalised to [0, 360)); an {@code id} in the body, if present, must
 * match the one in the path. {@code "locked":true} locks the shape; {@code order} ({@code front}, {@code back},
 * {@code forward}, {@code backward}) moves it in the stacking order as the board resolves it (instead of a {@code z}).
 * A line or an arrow may bind its ends to other shapes of the board and carry a label ({@link ConnectorInput}):
 * {@code "start":{"shape":"<id>","x":1,"y":0.5},"end":{…},"label":"yes"}.
 * {@code "restore":true} brings back a shape that was removed (an undo of the removal); without it, a put of a
 * removed shape is refused (409), so a change racing someone else's removal does not revive the shape.
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
        Long z,
        JsonNumber rotation,
        Boolean locked,
        String order,
        JsonValue start,
        JsonValue end,
        String label,
        Boolean restore) {

    ShapeData toData() {
        return ShapeData.fromWire(
                kind,
                stroke,
                width,
                fill,
                opacity,
                points,
                text,
                asset,
                z,
                rotation == null ? null : rotation.doubleValue(),
                locked,
                ConnectorInput.read(start, end, label));
    }
}
