package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * What someone may do on a board, each role including the ones below it: viewers see the board and who is there;
 * editors also draw, change the background and live-stream strokes; owners also clear the board and grant roles.
 * The creator is always an owner.
 */
public enum BoardRole {
    VIEWER,
    EDITOR,
    OWNER;

    public boolean includes(BoardRole other) {
        return compareTo(other) >= 0;
    }

    /** The role as it appears on the wire and in the database: {@code viewer}, {@code editor}, {@code owner}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BoardRole parse(String field, String value) {
        return find(value)
                .orElseThrow(() -> new InvalidInputException(field, field + " must be one of viewer, editor, owner"));
    }

    public static Optional<BoardRole> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (BoardRole role : values()) {
            if (role.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
