package dev.whiteboard.errors;

import java.util.Optional;

/**
 * Base of every expected failure. Subclasses are named after the case; the message is written for the
 * person who sent the request, and {@link #field()} names the offending input where there is one.
 */
public abstract class WhiteboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String field;

    protected WhiteboardException(ErrorKind kind, String message, String field) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public ErrorKind kind() {
        return kind;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
