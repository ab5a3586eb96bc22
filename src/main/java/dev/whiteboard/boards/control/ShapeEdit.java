package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.ShapeData;

/**
 * One edit in a batch: put a shape (add, or replace its content, optionally moving it in the stacking order: {@code
 * order} is {@code front}, {@code back}, {@code forward}, {@code backward} or {@code null}; or bring back a removed
 * one) or remove one.
 */
public sealed interface ShapeEdit {

    String shapeId();

    /**
     * Put a shape; {@code restore} says the put may bring the shape back if it was removed (an undo of its removal, a
     * redo of its adding): any other put of a removed shape is refused ({@link ShapeRemovedException}), so that a
     * change made while someone else removed the shape does not bring it back.
     */
    record Put(String shapeId, ShapeData data, String order, boolean restore) implements ShapeEdit {

        public Put(String shapeId, ShapeData data) {
            this(shapeId, data, null, false);
        }

        public Put(String shapeId, ShapeData data, String order) {
            this(shapeId, data, order, false);
        }
    }

    record Remove(String shapeId) implements ShapeEdit {}
}
