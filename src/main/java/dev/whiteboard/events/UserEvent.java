package dev.whiteboard.events;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.errors.InvalidJsonValueException;
import dev.whiteboard.runtime.JsonDepth;
import dev.whiteboard.security.NotSignedInException;
import dev.whiteboard.wire.StrictValues;
import dev.whiteboard.wire.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

/**
 * A client's user event, decoded once for every feature: its {@code data} read as a JSON object (JSON data type,
 * nested at most {@link #MAX_ENVELOPE_DEPTH} levels) and its {@code requestId} checked
 * (a well-formed string of at most {@value #MAX_REQUEST_ID_LENGTH} characters, or absent). A feature binds the data
 * to its own message record with {@link #bind(Class)}, which applies the strict values of {@link WireJson}; the
 * envelope members every reply repeats ({@code board}, {@code conversation}) are read with {@link #string(String)}.
 *
 * @param text the data as the client sent it (the text {@code data} was read from, which {@link #bind} reads again)
 * @param requestId the client's id for this request, which the reply repeats; {@code null} when it sent none
 */
public record UserEvent(
        String name,
        String connectionId,
        Optional<String> userId,
        JsonObject data,
        String text,
        String requestId,
        boolean tooDeep) {

    public static final int MAX_REQUEST_ID_LENGTH = 64;

    /**
     * Members of any event's data besides its message's own: the request id (read here) and the board the page's
     * connection belongs to (sent with every request; a message that needs it has it as a component).
     */
    private static final Set<String> ENVELOPE = Set.of("requestId", "board");

    /**
     * Deepest nesting read at all. Data nested deeper than the app's messages ({@link JsonDepth#MAX_APP_DEPTH}) but
     * not beyond this is still read for its envelope, so the refusal repeats the request id and board; JSON-P reads
     * it without deep recursion, and {@link #bind} refuses it before JSON-B does.
     */
    static final int MAX_ENVELOPE_DEPTH = 256;

    /**
     * The event decoded; an {@link InvalidInputException} naming what is wrong when its data is not JSON, not an
     * object, nested too deeply, or its {@code requestId} is not a short string.
     */
    public static UserEvent decode(WebhookEvent.User event) {
        if (!event.isJson()) {
            throw new InvalidInputException("dataType", "these events are JSON: send them with dataType json");
        }
        String text = event.text();
        if (JsonDepth.exceeds(text, MAX_ENVELOPE_DEPTH)) {
            throw WireJson.tooDeep();
        }
        JsonObject data = object(text);
        return new UserEvent(
                event.name(),
                event.connectionId(),
                event.userId(),
                data,
                text,
                requestId(data),
                JsonDepth.exceeds(text, JsonDepth.MAX_APP_DEPTH));
    }

    /** The user the service vouches for; refused when the connection has none. */
    public String user() {
        return userId.orElseThrow(() -> new NotSignedInException("the event has no user id"));
    }

    /** The member {@code key} when it is a well-formed string; empty otherwise (absent, another type, lone surrogate). */
    public Optional<String> string(String key) {
        if (data.get(key) instanceof JsonString s) {
            try {
                return Optional.of(StrictValues.wellFormed(s.getString()));
            } catch (InvalidJsonValueException notText) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The data as the feature's message record, read strictly ({@link WireJson#bindFields}: strict values, and a
     * member the message (or a record in it) has no field for is refused, named); refused when it nests more than
     * {@link JsonDepth#MAX_APP_DEPTH} levels deep.
     */
    public <T extends Record> T bind(Class<T> type) {
        if (tooDeep) {
            throw WireJson.tooDeep();
        }
        return WireJson.bindFields(data, text, type, ENVELOPE);
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
        if (data.get("requestId") instanceof JsonString s && s.getString().length() <= MAX_REQUEST_ID_LENGTH) {
            try {
                return StrictValues.wellFormed(s.getString());
            } catch (InvalidJsonValueException notText) {
                // answered below like any other unusable id
            }
        }
        throw new InvalidInputException(
                "requestId", "requestId is a string of at most " + MAX_REQUEST_ID_LENGTH + " characters");
    }
}
