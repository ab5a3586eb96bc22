package dev.whiteboard.boards.control;

/** The outcome of a change: the board's version before and after (equal when nothing changed: a replay). */
public record BoardUpdate(String boardId, long fromVersion, long version) {

    public boolean changed() {
        return version != fromVersion;
    }
}
