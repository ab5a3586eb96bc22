package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.entity.Board;
import java.time.OffsetDateTime;

/**
 * A board on the wire: {@code {"id":"k3m9x2p7qa","title":"Sprint review","createdBy":"alice",
 * "createdAt":"2026-11-22T18:30:00Z","version":12,"background":{…}}}. {@code background} is absent when the
 * board has none.
 */
public record BoardView(String id, String title, String createdBy, OffsetDateTime createdAt, long version,
                        BackgroundView background) {

    static BoardView of(Board board) {
        return new BoardView(board.id(), board.title(), board.createdBy(), board.createdAt(), board.version(),
                BackgroundView.of(board));
    }
}
