package dev.whiteboard.wire;

import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.runtime.JsonDepth;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

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
                    new StrictValues.Doubles(),
                    new StrictValues.DoubleArrays(),
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
     * Reads a JSON object as the record {@code type}, refusing a field the record (or a record nested in it) does not
     * have (an {@link InvalidInputException} naming it) rather than ignoring it as JSON-B does; values are read as strictly as by
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
        checkFields(object, type, "", Set.of());
        return bindText(json, type);
    }

    /**
     * Binds an object already parsed (and depth-checked) from {@code checkedJson} to the record {@code type}, refusing
     * a field that the record, or a record nested in it (directly or in a list), does not have; {@code envelope}
     * names top-level members that are read elsewhere and may be present besides (a real-time event's
     * {@code requestId}).
     */
    public static <T extends Record> T bindFields(
            JsonObject object, String checkedJson, Class<T> type, Set<String> envelope) {
        checkFields(object, type, "", envelope);
        return bindText(checkedJson, type);
    }

    /**
     * Refuses the first member of {@code object} that {@code type} has no component for, naming it with its path
     * ({@code put[2].colour}); goes down into components that are records or lists of records.
     */
    private static void checkFields(JsonObject object, Class<? extends Record> type, String path, Set<String> extra) {
        Map<String, Nested> fields = FIELDS.get(type);
        for (String field : object.keySet()) {
            if (!fields.containsKey(field)) {
                if (extra.contains(field)) {
                    continue;
                }
                String name = field.length() > 64 ? field.substring(0, 64) + "…" : field;
                throw new InvalidInputException(
                        path + name,
                        "unknown field '" + name + "'; " + (path.isEmpty() ? "this body" : "it") + " takes "
                                + String.join(", ", fields.keySet()));
            }
            Nested nested = fields.get(field);
            JsonValue value = object.get(field);
            if (nested == null) {
                continue;
            }
            if (!nested.list() && value instanceof JsonObject inner) {
                checkFields(inner, nested.type(), path + field + ".", Set.of());
            } else if (nested.list() && value instanceof JsonArray items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof JsonObject inner) {
                        checkFields(inner, nested.type(), path + field + "[" + i + "].", Set.of());
                    }
                }
            }
        }
    }

    /** A field that holds a record, itself or as the elements of a list. */
    private record Nested(Class<? extends Record> type, boolean list) {}

    /**
     * Each record's field names in order, with the record a field holds ({@code null} for other values): read by
     * reflection once per type, not for every object of every event.
     */
    private static final ClassValue<Map<String, Nested>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Nested> computeValue(Class<?> type) {
            Map<String, Nested> fields = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Class<? extends Record> held = recordType(component.getGenericType());
                fields.put(
                        component.getName(),
                        held == null ? null : new Nested(held, List.class.isAssignableFrom(component.getType())));
            }
            return Collections.unmodifiableMap(fields);
        }
    };

    /** The record a component holds, itself or as the element of a list; {@code null} for anything else. */
    @SuppressWarnings("unchecked")
    private static Class<? extends Record> recordType(Type type) {
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return (Class<? extends Record>) plain;
        }
        if (type instanceof ParameterizedType list
                && list.getRawType() instanceof Class<?> raw
                && List.class.isAssignableFrom(raw)
                && list.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isRecord()) {
            return (Class<? extends Record>) element;
        }
        return null;
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
