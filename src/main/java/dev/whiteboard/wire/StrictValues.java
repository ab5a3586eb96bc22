package dev.whiteboard.wire;

import dev.whiteboard.errors.InvalidJsonValueException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * JSON-B deserializers that refuse what the default ones silently coerce: JSON-B reads {@code 1.5} into a
 * {@code Long} as 1, {@code 1e19} and 2⁶³ wrap around to negative numbers, a string of digits or a boolean is taken
 * for a number, and a string with a lone UTF-16 surrogate ({@code "\ud800"}) is later stored as {@code ?}. These
 * take a whole number within the type's range, a string of well-formed UTF-16, {@code true} or {@code false}, or {@code null}, and refuse
 * anything else with an {@link InvalidJsonValueException}.
 *
 * <p>They are registered for {@code Long}, {@code Integer}, {@code Double}, {@code Boolean} and {@code String}:
 * input records therefore declare numbers as {@code Long}/{@code Integer}/{@code Double}, never as primitives (a
 * primitive would bypass them; arrays of {@code double} are checked by their own reader). A {@code Double} is any JSON
 * number, not a string of one; a value too large becomes infinite, which the entities refuse ({@code
 * Double.isFinite}).
 */
public final class StrictValues {

    private StrictValues() {}

    /** {@code Long}: whole numbers from −2⁶³ to 2⁶³−1. */
    public static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = whole(parser.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
            return value == null ? null : value.longValueExact();
        }
    }

    /** {@code Integer}: whole numbers from −2³¹ to 2³¹−1. */
    public static final class Integers implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = whole(parser.getValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            return value == null ? null : value.intValueExact();
        }
    }

    /** {@code Double}: a JSON number (not a string of digits, not a boolean). */
    public static final class Doubles implements JsonbDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonNumber number)) {
                throw new InvalidJsonValueException("must be a number");
            }
            return number.doubleValue();
        }
    }

    /** {@code double[]} (a shape's points): an array of JSON numbers, not strings of digits. */
    public static final class DoubleArrays implements JsonbDeserializer<double[]> {
        @Override
        public double[] deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonArray array)) {
                throw new InvalidJsonValueException("must be an array of numbers");
            }
            double[] numbers = new double[array.size()];
            for (int i = 0; i < numbers.length; i++) {
                if (!(array.get(i) instanceof JsonNumber number)) {
                    throw new InvalidJsonValueException("must be an array of numbers; item " + i + " is not a number");
                }
                numbers[i] = number.doubleValue();
            }
            return numbers;
        }
    }

    /** {@code Boolean}: {@code true} or {@code false}, not the strings JSON-B would take for them. */
    public static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new InvalidJsonValueException("must be true or false");
        }
    }

    /** {@code String}: a JSON string without lone surrogates. */
    public static final class Strings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonString string)) {
                throw new InvalidJsonValueException("must be a string");
            }
            return wellFormed(string.getString());
        }
    }

    /** {@code text} when every surrogate in it is half of a pair; refused otherwise. */
    public static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidJsonValueException(
                        "contains a lone UTF-16 surrogate (\\u" + Integer.toHexString(c) + "), which is not text");
            }
        }
        return text;
    }

    /**
     * The number when it is whole and within [min, max]; {@code null} for JSON null. The size is judged from the
     * digits and the exponent before any conversion, so {@code 1e999999999} costs nothing.
     */
    static BigDecimal whole(JsonValue value, long min, long max) {
        if (value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidJsonValueException("must be a whole number");
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.signum() != 0 && decimal.precision() - decimal.scale() > 19) {
            throw outOfRange(min, max);
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new InvalidJsonValueException("must be a whole number, not " + shortText(number));
        }
        if (stripped.compareTo(BigDecimal.valueOf(min)) < 0 || stripped.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw outOfRange(min, max);
        }
        return stripped;
    }

    private static InvalidJsonValueException outOfRange(long min, long max) {
        return new InvalidJsonValueException("must be a whole number from " + min + " to " + max);
    }

    private static String shortText(JsonNumber number) {
        String text = number.toString();
        return text.length() > 32 ? text.substring(0, 32) + "…" : text;
    }
}
