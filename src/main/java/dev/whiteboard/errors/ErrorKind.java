package dev.whiteboard.errors;

/**
 * What went wrong, independent of the protocol that reports it. The {@code code} is the stable,
 * machine-readable name clients see in error bodies.
 */
public enum ErrorKind {
    /** The request is malformed or breaks a rule (a limit, a format). */
    INVALID("invalid"),
    /** The named thing does not exist. */
    NOT_FOUND("not_found"),
    /** The request body is larger than the limit for it. */
    TOO_LARGE("too_large"),
    /** The request body is not of a type this operation accepts. */
    UNSUPPORTED_TYPE("unsupported_type"),
    /** The request is valid but the current state does not allow it (e.g. a full board). */
    CONFLICT("conflict"),
    /** A dependency (the database) cannot be reached right now; retrying later may succeed. */
    UNAVAILABLE("unavailable");

    private final String code;

    ErrorKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
