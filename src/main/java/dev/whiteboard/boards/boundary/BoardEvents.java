package dev.whiteboard.boards.boundary;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.boards.control.BoardEditing;
import dev.whiteboard.boards.control.BoardTurns;
import dev.whiteboard.boards.control.BoardUpdate;
import dev.whiteboard.boards.control.ShapeEdit;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.events.UserEventHandler;
import dev.whiteboard.events.WebhookEvent;
import dev.whiteboard.security.NotSignedInException;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Board changes sent as real-time user events ({@code changeShapes}, {@code clearBoard}, {@code setBackground}):
 * read, checked against the sender's role on the board (editors change, owners clear) and stored by {@link BoardEditing}
 * (idempotent by shape id: a replay changes nothing), announced to the board's group by {@link BoardBroadcaster},
 * and answered with a {@link BoardMessages.Result}, which also carries every failure: a rejected change is never
 * silent, and a retryable one ({@code "retryable":true}, e.g. the database is down) can be sent again as is.
 */
@ApplicationScoped
public class BoardEvents implements UserEventHandler {

    static final String CHANGE_SHAPES = "changeShapes";
    static final String CLEAR_BOARD = "clearBoard";
    static final String SET_BACKGROUND = "setBackground";
    private static final int MAX_REQUEST_ID_LENGTH = 64;

    @Inject
    BoardEditing editing;

    @Inject
    BoardTurns turns;

    @Override
    public Set<String> events() {
        return Set.of(CHANGE_SHAPES, CLEAR_BOARD, SET_BACKGROUND);
    }

    @Override
    public Optional<String> handle(WebhookEvent.User event) {
        String requestId = null;
        String board = null;
        try {
            if (!event.isJson()) {
                throw new InvalidInputException("dataType", "board events are JSON: send them with dataType json");
            }
            JsonObject data = object(event.text());
            requestId = requestId(data);
            board = data.get("board") instanceof JsonString s ? s.getString() : null;
            String user = event.userId().orElseThrow(() -> new NotSignedInException("the event has no user id"));
            BoardUpdate update = turns.inTurn(board, () -> apply(event.name(), event.text(), user));
            return reply(BoardMessages.Result.ok(event.name(), requestId, board, update.version()));
        } catch (RuntimeException e) {
            return reply(BoardMessages.Result.failed(event.name(), requestId, board, Failures.describe(e)));
        }
    }

    private BoardUpdate apply(String name, String json, String user) {
        switch (name) {
            case CHANGE_SHAPES: {
                BoardMessages.ChangeShapes change = WireJson.read(json, BoardMessages.ChangeShapes.class);
                return editing.changeShapes(change.board(), edits(change), user);
            }
            case CLEAR_BOARD: {
                BoardMessages.ClearBoard clear = WireJson.read(json, BoardMessages.ClearBoard.class);
                return editing.clear(clear.board(), user);
            }
            default: {
                BoardMessages.SetBackground background = WireJson.read(json, BoardMessages.SetBackground.class);
                return editing.background(
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
            edits.add(new ShapeEdit.Put(shape.id(), shape.toData()));
        }
        for (int i = 0; i < remove.size(); i++) {
            if (remove.get(i) == null) {
                throw new InvalidInputException("remove[" + i + "]", "a shape id is required");
            }
            edits.add(new ShapeEdit.Remove(remove.get(i)));
        }
        return edits;
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new InvalidInputException(null, "the event's data must be a JSON object");
        }
    }

    private static String requestId(JsonObject data) {
        if (!data.containsKey("requestId") || data.isNull("requestId")) {
            return null;
        }
        if (!(data.get("requestId") instanceof JsonString s) || s.getString().length() > MAX_REQUEST_ID_LENGTH) {
            throw new InvalidInputException(
                    "requestId", "requestId is a string of at most " + MAX_REQUEST_ID_LENGTH + " characters");
        }
        return s.getString();
    }

    private static Optional<String> reply(BoardMessages.Result result) {
        return Optional.of(WireJson.write(result));
    }
}
