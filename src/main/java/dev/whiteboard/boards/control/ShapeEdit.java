package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.ShapeData;

/**
 * One edit in a batch: put a shape (add, or replace its content, optionally moving it in the stacking order: {@code
 * order} is {@code front}, {@code back}, {@code forward}, {@code backward} or {@code null}) or remove one.
 */
public sealed interface ShapeEdit {

    String shapeId();

    record Put(String shapeId, ShapeData data, String order) implements ShapeEdit {

        public Put(String shapeId, ShapeData data) {
            this(shapeId, data, null);
        }
    }

    record Remove(String shapeId) implements ShapeEdit {}
}
