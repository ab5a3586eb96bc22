package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.Shape;
import java.util.List;

/**
 * A board's content at a moment: the board (its version read first) and its live shapes in drawing order.
 * Because the version is read before the shapes, the shapes are at least as new as the version says; a client
 * applying later changes on top converges.
 */
public record Diagram(Board board, List<Shape> shapes) {

    public Diagram {
        shapes = List.copyOf(shapes);
    }
}
