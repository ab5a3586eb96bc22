package dev.whiteboard.boards.entity;

/**
 * A real-time connection was accepted (a CDI event fired inside the service's {@code connect} call, before the
 * service opens the connection): to a board with the role it was given, or to no board ({@code boardId} and
 * {@code role} null: the lobby of the boards list). Presence records it.
 */
public record BoardConnectionAccepted(String connectionId, String boardId, String user, BoardRole role) {}
