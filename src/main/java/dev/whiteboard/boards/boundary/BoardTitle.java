package dev.whiteboard.boards.boundary;

/**
 * The body that renames a board ({@code PATCH /api/boards/{id}}: {@code {"title":"Sprint review"}}, required) or
 * titles a copy ({@code POST /api/boards/{id}/duplicate}: optional). No other field is taken.
 */
public record BoardTitle(String title) {}
