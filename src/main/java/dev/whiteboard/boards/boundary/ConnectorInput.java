package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.entity.Binding;
import dev.whiteboard.boards.entity.Connector;
import dev.whiteboard.errors.InvalidInputException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * A line's or an arrow's bindings and label as the wire carries them: {@code "start":{"shape":"<id>","x":0.5,
 * "y":0}}, {@code "end":{…}} (null or absent: not bound) and {@code "label":"…"}. A binding is read strictly: an
 * object of exactly {@code shape} (a string) and {@code x}, {@code y} (JSON numbers), anything else is refused
 * naming the field ({@code start.colour}, {@code end.x}).
 */
final class ConnectorInput {

    private static final Set<String> FIELDS = Set.of("shape", "x", "y");

    private ConnectorInput() {}

    static Connector read(JsonValue start, JsonValue end, String label) {
        return Connector.of(binding(start, "start"), binding(end, "end"), label);
    }

    private static Binding binding(JsonValue value, String field) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidInputException(
                    field, field + " must be an object {\"shape\":\"<id>\",\"x\":0.5,\"y\":0.5}");
        }
        for (String key : object.keySet()) {
            if (!FIELDS.contains(key)) {
                String name = key.length() > 64 ? key.substring(0, 64) + "…" : key;
                throw new InvalidInputException(
                        field + "." + name, "unknown field '" + name + "' in " + field + "; it takes shape, x, y");
            }
        }
        if (!(object.get("shape") instanceof JsonString shape)) {
            throw new InvalidInputException(field + ".shape", field + ".shape must be the bound shape's id");
        }
        return Binding.of(shape.getString(), number(object, "x", field), number(object, "y", field), field);
    }

    private static double number(JsonObject object, String key, String field) {
        if (!(object.get(key) instanceof JsonNumber number)) {
            throw new InvalidInputException(field + "." + key, field + "." + key + " must be a number from 0 to 1");
        }
        return number.doubleValue();
    }
}
