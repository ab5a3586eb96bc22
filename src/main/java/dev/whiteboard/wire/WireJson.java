package dev.whiteboard.wire;

import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.runtime.JsonDepth;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Typed messages to and from JSON with one shared (thread-safe) JSON-B instance, configured once for the whole app:
 * real-time messages here, REST bodies through {@code dev.whiteboard.api.JsonBinding}. Reading is strict ({@link
 * StrictValues}): whole numbers in range, well-formed strings, and text nested at most {@link
 * JsonDepth#MAX_APP_DEPTH} levels deep.
 */
public final class WireJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(
                    new StrictValues.Longs(),
                    new StrictValues.Integers(),
                    new StrictValues.Booleans(),
                    new StrictValues.Strings()));

    private WireJson() {}

    /** The shared instance, for the REST runtime's JSON binding. */
    public static Jsonb jsonb() {
        return JSONB;
    }

    public static String write(Object message) {
        return JSONB.toJson(message);
    }

    /**
     * Reads {@code json} as {@code type}; a {@code JsonbException} when it is not that, an {@link
     * InvalidInputException} when it nests too deeply.
     */
    public static <T> T read(String json, Class<T> type) {
        checkDepth(json);
        return JSONB.fromJson(json, type);
    }

    /**
     * Binds text that was already parsed and depth-checked as an object to {@code type}, with the same strict values
     * as {@link #read}: one pass of JSON-B over the client's text, instead of writing the parsed tree out again.
     */
    public static <T> T bindText(String checkedJson, Class<T> type) {
        return JSONB.fromJson(checkedJson, type);
    }

    /**
     * Reads a JSON object as the record {@code type}, refusing a field the record does not have (an {@link
     * InvalidInputException} naming it) rather than ignoring it as JSON-B does; values are read as strictly as by
     * {@link #read}. Text that is not a JSON object is an {@link InvalidInputException} without a field.
     */
    public static <T extends Record> T readFields(String json, Class<T> type) {
        checkDepth(json);
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new InvalidInputException(null, "the body is not valid JSON for this request");
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidInputException(null, "the body must be a JSON object");
        }
        List<String> known = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        for (String field : object.keySet()) {
            if (!known.contains(field)) {
                String name = field.length() > 64 ? field.substring(0, 64) + "…" : field;
                throw new InvalidInputException(
                        name, "unknown field '" + name + "'; this body takes " + String.join(", ", known));
            }
        }
        return bindText(json, type);
    }

    /** Refuses {@code json} that nests deeper than {@link JsonDepth#MAX_APP_DEPTH}, before any parser sees it. */
    private static void checkDepth(CharSequence json) {
        if (JsonDepth.exceeds(json, JsonDepth.MAX_APP_DEPTH)) {
            throw tooDeep();
        }
    }

    /** JSON nested deeper than the app's messages ever are. */
    public static InvalidInputException tooDeep() {
        return new InvalidInputException(
                null, "the JSON is nested more than " + JsonDepth.MAX_APP_DEPTH + " levels deep");
    }
}
