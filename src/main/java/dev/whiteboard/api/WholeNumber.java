package dev.whiteboard.api;

/**
 * Patterns for whole numbers taken as text (query and path parameters), for Bean Validation's {@code @Pattern}.
 * Parameters are declared as {@code String} on purpose: JAX-RS answers a parameter it cannot convert to a number with
 * 404, not the 400 naming the parameter that {@link ConstraintViolationMapper} gives. A value that matches always
 * converts ({@code Integer.parseInt}, {@code Long.parseLong}); ranges are the control's rules.
 */
public final class WholeNumber {

    /** An {@code int}: an optional minus and at most 9 digits. */
    public static final String INT = "-?[0-9]{1,9}";

    /** A {@code long}: an optional minus and at most 18 digits. */
    public static final String LONG = "-?[0-9]{1,18}";

    /** What a violation says after the parameter's name. */
    public static final String MESSAGE = "must be a whole number";

    private WholeNumber() {}
}
