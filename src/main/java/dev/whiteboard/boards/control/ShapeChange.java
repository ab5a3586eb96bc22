package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Shape;

/**
 * The outcome of storing a shape: the shape as stored, and whether this call changed the board (a replay of
 * content already there does not, and leaves the board version alone).
 */
public record ShapeChange(Shape shape, boolean changed, boolean created) {}
