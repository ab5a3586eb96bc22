package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.entity.Binding;
import dev.whiteboard.boards.entity.Connector;
import dev.whiteboard.boards.entity.Shape;
import dev.whiteboard.boards.entity.ShapeData;
import java.time.OffsetDateTime;

/**
 * A stored shape on the wire: {@code {"id":"s-1","kind":"pen","stroke":"#1e1e1e","width":2,"opacity":1,
 * "points":[10,10,12.5,14],"z":3,"author":"alice","createdAt":"…","updatedAt":"…","version":3}};
 * {@code fill}, {@code text}, {@code asset} (an image's, see {@code AssetsResource}) and {@code rotation} (degrees in
 * [0, 360)) appear when set, and {@code "locked":true} on a locked shape; a connector's bound ends as
 * {@code "start":{"shape":"<id>","x":1,"y":0.5}} and {@code "end":{…}}, and its {@code label}, when it has them.
 */
public record ShapeView(
        String id,
        String kind,
        String stroke,
        double width,
        String fill,
        double opacity,
        double[] points,
        String text,
        String asset,
        long z,
        Double rotation,
        Boolean locked,
        Binding start,
        Binding end,
        String label,
        String author,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public static ShapeView of(Shape shape) {
        return of(shape.shapeId(), shape.data(), shape.author(), shape.createdAt(), shape.updatedAt(), shape.version());
    }

    /** A shape as it was at some version (the version history's shapes have the same form as the diagram's). */
    public static ShapeView of(
            String id, ShapeData d, String author, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
        Connector c = d.connector();
        return new ShapeView(
                id,
                d.kind().wireName(),
                d.stroke(),
                d.width(),
                d.fill(),
                d.opacity(),
                d.points().toArray(),
                d.text(),
                d.asset(),
                d.z(),
                d.rotation() == 0 ? null : d.rotation(),
                d.locked() ? Boolean.TRUE : null,
                c == null ? null : c.start(),
                c == null ? null : c.end(),
                c == null ? null : c.label(),
                author,
                createdAt,
                updatedAt,
                version);
    }
}
