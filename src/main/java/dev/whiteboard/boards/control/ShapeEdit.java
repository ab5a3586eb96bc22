package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.ShapeData;

/** One edit in a batch: put a shape (add, or replace its content) or remove one. */
public sealed interface ShapeEdit {

    String shapeId();

    record Put(String shapeId, ShapeData data) implements ShapeEdit {}

    record Remove(String shapeId) implements ShapeEdit {}
}
