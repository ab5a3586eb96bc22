package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.Diagram;
import dev.whiteboard.boards.entity.BoardRole;
import java.util.List;

/**
 * The snapshot a late joiner loads: {@code {"board":{…},"version":12,"background":{…},"shapes":[…]}}, shapes
 * in drawing order (lowest z first). {@code version} is the board version the snapshot is at least as new as.
 */
public record DiagramView(BoardView board, long version, BackgroundView background, List<ShapeView> shapes) {

    static DiagramView of(Diagram diagram, BoardRole role) {
        BoardView board = BoardView.of(diagram.board(), role);
        return new DiagramView(
                board,
                board.version(),
                board.background(),
                diagram.shapes().stream().map(ShapeView::of).toList());
    }
}
