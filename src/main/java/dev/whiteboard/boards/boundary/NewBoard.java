package dev.whiteboard.boards.boundary;

/** The body that creates a board: {@code {"title":"Sprint review"}}. */
public record NewBoard(String title) {}
