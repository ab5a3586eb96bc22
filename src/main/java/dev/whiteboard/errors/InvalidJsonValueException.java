package dev.whiteboard.errors;

import jakarta.json.bind.JsonbException;

/**
 * A JSON value the strict binding refuses (a number that is not whole or out of range, a string with a lone
 * surrogate, a value of the wrong kind). It is a {@link JsonbException} on purpose: the JSON-B runtime (Yasson)
 * then wraps it naming the property it was reading, which {@link Failures} turns into the error's {@code field}.
 */
public class InvalidJsonValueException extends JsonbException {

    private static final long serialVersionUID = 1L;

    public InvalidJsonValueException(String message) {
        super(message);
    }
}
