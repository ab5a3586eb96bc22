package dev.whiteboard.boards.control;

/**
 * A board was made (new, or as a copy of another with its shapes as its version {@code version}): fired inside the
 * transaction, so its first history is written with it.
 */
public record BoardCreated(String boardId, String by, long version) {}
