package dev.whiteboard.boards.control;

/**
 * A board was moved to the trash: fired inside the transaction, observed after it succeeded, so that the board's
 * open connections are closed with the reason (they cannot stay on a board nobody may open).
 */
public record BoardTrashed(String boardId, String by) {}
