package dev.whiteboard.boards.control;

/**
 * A board was given another title: fired inside the transaction; the board's group is told once it committed, so
 * that pages open on the board show the new title without being reloaded.
 */
public record BoardRenamed(String boardId, String title, String by) {}
