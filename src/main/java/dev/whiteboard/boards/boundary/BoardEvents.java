package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.BoardCommits;
import dev.whiteboard.boards.control.BoardEditing;
import dev.whiteboard.boards.control.BoardUpdate;
import dev.whiteboard.boards.control.ShapeEdit;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.events.UserEvent;
import dev.whiteboard.events.UserEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Board changes sent as real-time user events ({@code changeShapes}, {@code clearBoard}, {@code setBackground}):
 * read, checked against the sender's role on the board (editors change, owners clear) and stored by {@link BoardEditing}
 * (idempotent by shape id: a replay changes nothing), announced to the board's group by {@link BoardBroadcaster},
 * and answered with a {@link BoardMessages.Result}, which also carries every failure: a rejected change is never
 * silent, and a retryable one ({@code "retryable":true}, e.g. the database is down) can be sent again as is. A change
 * is read and checked for form at once, then queued for its board ({@link BoardCommits}): changes to one board are
 * applied in the order they came, several in one transaction under load, and the result is {@code ok} only once the
 * change committed.
 */
@ApplicationScoped
public class BoardEvents implements UserEventHandler {

    static final String CHANGE_SHAPES = "changeShapes";
    static final String CLEAR_BOARD = "clearBoard";
    static final String SET_BACKGROUND = "setBackground";

    @Inject
    BoardEditing editing;

    @Inject
    BoardCommits commits;

    @Override
    public Set<String> events() {
        return Set.of(CHANGE_SHAPES, CLEAR_BOARD, SET_BACKGROUND);
    }

    @Override
    public Optional<Object> handle(UserEvent event) {
        return handleAsync(event).join();
    }

    /** The result completes once the change committed (or failed); it never completes exceptionally. */
    @Override
    public CompletableFuture<Optional<Object>> handleAsync(UserEvent event) {
        String board = event.string("board").orElse(null);
        CompletableFuture<BoardUpdate> update;
        try {
            String user = event.user();
            update = commits.submit(board, change(event, user));
        } catch (RuntimeException e) {
            update = CompletableFuture.failedFuture(e);
        }
        return update.handle((done, failure) -> Optional.of(
                failure == null
                        ? BoardMessages.Result.ok(event.name(), event.requestId(), board, done.version())
                        : BoardMessages.Result.failed(
                                event.name(), event.requestId(), board, Failures.describe(unwrap(failure)))));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** An event whose envelope could not be read: answered as a result with neither request id nor board. */
    @Override
    public Object refused(String event, ErrorBody error) {
        return BoardMessages.Result.failed(event, null, null, error);
    }

    /** The change the event asks for, read and checked for form now; applied when it is the board's turn. */
    private Supplier<BoardUpdate> change(UserEvent event, String user) {
        switch (event.name()) {
            case CHANGE_SHAPES: {
                BoardMessages.ChangeShapes change = event.bind(BoardMessages.ChangeShapes.class);
                List<ShapeEdit> edits = edits(change);
                return () -> editing.changeShapes(change.board(), edits, user);
            }
            case CLEAR_BOARD: {
                BoardMessages.ClearBoard clear = event.bind(BoardMessages.ClearBoard.class);
                return () -> editing.clear(clear.board(), user);
            }
            default: {
                BoardMessages.SetBackground background = event.bind(BoardMessages.SetBackground.class);
                return () -> editing.background(
                        background.board(), background.color(), Boolean.TRUE.equals(background.removeImage()), user);
            }
        }
    }

    private static List<ShapeEdit> edits(BoardMessages.ChangeShapes change) {
        List<ShapeInput> put = change.put() == null ? List.of() : change.put();
        List<String> remove = change.remove() == null ? List.of() : change.remove();
        if (put.isEmpty() && remove.isEmpty()) {
            throw new InvalidInputException("put", "a change puts or removes at least one shape");
        }
        if (put.size() + remove.size() > Limits.MAX_EDITS_PER_BATCH) {
            throw new InvalidInputException("put", "at most " + Limits.MAX_EDITS_PER_BATCH + " shapes in one change");
        }
        List<ShapeEdit> edits = new ArrayList<>();
        for (int i = 0; i < put.size(); i++) {
            ShapeInput shape = put.get(i);
            if (shape == null || shape.id() == null) {
                throw new InvalidInputException("put[" + i + "].id", "every shape put needs its id");
            }
            edits.add(
                    new ShapeEdit.Put(shape.id(), shape.toData(), shape.order(), Boolean.TRUE.equals(shape.restore())));
        }
        for (int i = 0; i < remove.size(); i++) {
            if (remove.get(i) == null) {
                throw new InvalidInputException("remove[" + i + "]", "a shape id is required");
            }
            edits.add(new ShapeEdit.Remove(remove.get(i)));
        }
        return edits;
    }
}
