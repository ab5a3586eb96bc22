package dev.whiteboard.boards.control;

/**
 * A board is being purged: fired inside the transaction that deletes it, so that the features keeping rows of their
 * own for the board (its chat) delete them in the same transaction; the board's own tables go with its row.
 */
public record BoardPurged(String boardId) {}
