package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.BoardLifecycle;
import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardRole;
import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;

/**
 * A board on the wire: {@code {"id":"k3m9x2p7qa","title":"Sprint review","owner":"alice","createdBy":"alice",
 * "createdAt":"2026-11-22T18:30:00Z","changedAt":"2026-11-23T09:12:00Z","changedBy":"bob","version":12,
 * "background":{…},"backgroundColor":"#fdf6e3","role":"editor","starred":false}}. {@code background} and
 * {@code backgroundColor} are absent when the board has none; {@code role} is the caller's role on the board and
 * {@code starred} whether the caller starred it (both absent where the board is sent to everyone on it);
 * {@code deletedAt} is there only for a board in the trash. {@code owner} is its creator ({@code createdBy}, kept
 * for older clients). {@code linkAccess} says who may open it by its link besides its members: {@code off},
 * {@code view} or {@code edit} (anyone signed in). In the answers of {@code /api/boards} (lists, one board),
 * {@code ownerName} and {@code changedByName} say what to call the owner and the last editor.
 */
public record BoardView(
        String id,
        String title,
        String owner,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime changedAt,
        String changedBy,
        long version,
        BackgroundView background,
        String backgroundColor,
        String role,
        Boolean starred,
        OffsetDateTime deletedAt,
        String linkAccess,
        String ownerName,
        String changedByName) {

    /** The same, with what to call the owner and the last editor ({@code ownerName}, {@code changedByName}). */
    BoardView named(UnaryOperator<String> displayName) {
        return new BoardView(
                id,
                title,
                owner,
                createdBy,
                createdAt,
                changedAt,
                changedBy,
                version,
                background,
                backgroundColor,
                role,
                starred,
                deletedAt,
                linkAccess,
                displayName.apply(owner),
                displayName.apply(changedBy));
    }

    static BoardView of(Board board) {
        return of(board, null);
    }

    /** The board as {@code role} sees it ({@code role} is left out when {@code null}). */
    static BoardView of(Board board, BoardRole role) {
        return of(board, role, null);
    }

    /** The board in a list, or read by one caller. */
    static BoardView of(BoardLifecycle.Listed listed) {
        return of(listed.board(), listed.role(), listed.starred());
    }

    private static BoardView of(Board board, BoardRole role, Boolean starred) {
        return new BoardView(
                board.id(),
                board.title(),
                board.createdBy(),
                board.createdBy(),
                board.createdAt(),
                board.changedAt(),
                board.changedBy(),
                board.version(),
                BackgroundView.of(board),
                board.backgroundColor().orElse(null),
                role == null ? null : role.wireName(),
                starred,
                board.deletedAt().orElse(null),
                board.linkAccess(),
                null,
                null);
    }
}
