package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardRole;
import java.time.OffsetDateTime;

/**
 * A board on the wire: {@code {"id":"k3m9x2p7qa","title":"Sprint review","createdBy":"alice",
 * "createdAt":"2026-11-22T18:30:00Z","version":12,"background":{…},"backgroundColor":"#fdf6e3","role":"editor"}}.
 * {@code background} and {@code backgroundColor} are absent when the board has none; {@code role} is the caller's
 * role on the board.
 */
public record BoardView(
        String id,
        String title,
        String createdBy,
        OffsetDateTime createdAt,
        long version,
        BackgroundView background,
        String backgroundColor,
        String role) {

    static BoardView of(Board board) {
        return of(board, null);
    }

    /** The board as {@code role} sees it ({@code role} is left out when {@code null}). */
    static BoardView of(Board board, BoardRole role) {
        return new BoardView(
                board.id(),
                board.title(),
                board.createdBy(),
                board.createdAt(),
                board.version(),
                BackgroundView.of(board),
                board.backgroundColor().orElse(null),
                role == null ? null : role.wireName());
    }
}
