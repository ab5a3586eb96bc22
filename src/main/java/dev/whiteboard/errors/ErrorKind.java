package dev.whiteboard.errors;

/**
 * What went wrong, independent of the protocol that reports it. The {@code code} is the stable,
 * machine-readable name clients see in error bodies; the status is the HTTP status it is reported with.
 */
public enum ErrorKind {
    /** The request is malformed or breaks a rule (a limit, a format). */
    INVALID("invalid", 400),
    /** The named thing does not exist. */
    NOT_FOUND("not_found", 404),
    /** The request body is larger than the limit for it. */
    TOO_LARGE("too_large", 413),
    /** The request body is not of a type this operation accepts. */
    UNSUPPORTED_TYPE("unsupported_type", 415),
    /** The request is valid but the current state does not allow it (e.g. a full board). */
    CONFLICT("conflict", 409),
    /** A dependency (the database) cannot be reached right now; retrying later may succeed. */
    UNAVAILABLE("unavailable", 503),
    /** The caller has not signed in (or the credentials are wrong). */
    UNAUTHENTICATED("unauthenticated", 401),
    /** The caller is signed in but their role does not allow this. */
    FORBIDDEN("forbidden", 403),
    /** The caller sent too much too fast (a rate limit); the same request may succeed a little later. */
    RATE_LIMITED("rate_limited", 429);

    private final String code;
    private final int status;

    ErrorKind(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /**
     * The HTTP status for this kind: the one place that decides it, for REST responses and for the results of
     * real-time events alike.
     */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
