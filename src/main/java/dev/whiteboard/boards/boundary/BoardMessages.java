package dev.whiteboard.boards.boundary;

import dev.whiteboard.errors.ErrorBody;
import java.util.List;

/**
 * The messages of the boards feature on the real-time channel; every one has a {@code type}, and the README shows
 * each with an example. To the board's group (clients see them with {@code "from":"server"}): {@link ShapesChanged},
 * {@link BoardCleared}, {@link BackgroundChanged}. To the client that sent a board event: {@link Result}.
 */
public final class BoardMessages {

    private BoardMessages() {}

    /** Shapes were added or changed ({@code put}, as stored) or removed (ids), moving the board between versions. */
    public record ShapesChanged(
            String type,
            String board,
            long fromVersion,
            long version,
            String by,
            List<ShapeView> put,
            List<String> removed) {
        public ShapesChanged(
                String board, long fromVersion, long version, String by, List<ShapeView> put, List<String> removed) {
            this("shapesChanged", board, fromVersion, version, by, put, removed);
        }
    }

    /** Every shape was removed. */
    public record BoardCleared(String type, String board, long fromVersion, long version, String by) {
        public BoardCleared(String board, long fromVersion, long version, String by) {
            this("boardCleared", board, fromVersion, version, by);
        }
    }

    /**
     * A version was restored: the board's content changed as a whole, and pages load the diagram again ({@code
     * restored} names the version, for the notice "Alice restored the version of 14:02").
     */
    public record BoardRestored(
            String type,
            String board,
            long fromVersion,
            long version,
            String by,
            String byName,
            RestoredVersion restored) {
        public BoardRestored(
                String board, long fromVersion, long version, String by, String byName, RestoredVersion restored) {
            this("boardRestored", board, fromVersion, version, by, byName, restored);
        }
    }

    /** The version a restore brought back. */
    public record RestoredVersion(String id, java.time.OffsetDateTime createdAt, String label) {}

    /** The board's new title (not a change of its content: no version). */
    public record BoardRenamed(String type, String board, String title, String by) {
        public BoardRenamed(String board, String title, String by) {
            this("boardRenamed", board, title, by);
        }
    }

    /** The background image or colour changed; {@code background}/{@code backgroundColor} absent when none. */
    public record BackgroundChanged(
            String type,
            String board,
            long fromVersion,
            long version,
            String by,
            BackgroundView background,
            String backgroundColor) {
        public BackgroundChanged(
                String board,
                long fromVersion,
                long version,
                String by,
                BackgroundView background,
                String backgroundColor) {
            this("backgroundChanged", board, fromVersion, version, by, background, backgroundColor);
        }
    }

    /**
     * The outcome of a board event, for the client that sent it: {@code ok} with the board's version after it, or
     * the error (the same body as the REST API's) and whether sending the same event again later may succeed.
     */
    public record Result(
            String type,
            String event,
            String requestId,
            String board,
            boolean ok,
            Long version,
            ErrorBody error,
            Boolean retryable) {

        static Result ok(String event, String requestId, String board, long version) {
            return new Result("result", event, requestId, board, true, version, null, null);
        }

        static Result failed(String event, String requestId, String board, ErrorBody error) {
            return new Result("result", event, requestId, board, false, null, error, error.retryable());
        }
    }

    /** {@code changeShapes}: a batch of puts (shapes with their ids) and removes (ids), applied all or nothing. */
    public record ChangeShapes(String board, String requestId, List<ShapeInput> put, List<String> remove) {}

    /** {@code clearBoard}: removes every shape (owners only). */
    public record ClearBoard(String board, String requestId) {}

    /** {@code setBackground}: the colour ({@code #rrggbb}, {@code null} for the default) and/or removing the image. */
    public record SetBackground(String board, String requestId, String color, Boolean removeImage) {}
}
