package dev.whiteboard.errors;

/**
 * The JSON body of every error response: {@code {"status":404,"error":"not_found","message":"…"}}, with
 * {@code field} naming the offending input where there is one.
 *
 * @param status  the HTTP status, repeated for clients that only see the body
 * @param error   a stable machine-readable code ({@link ErrorKind#code()})
 * @param message what went wrong, for the person who sent the request
 * @param field   the input at fault, or {@code null}
 */
public record ErrorBody(int status, String error, String message, String field) {

    /** The body for an expected failure. */
    public static ErrorBody of(WhiteboardException e) {
        return of(e.kind(), e.getMessage(), e.field().orElse(null));
    }

    /** The body for a failure of this kind (its status and code come from the kind). */
    public static ErrorBody of(ErrorKind kind, String message, String field) {
        return new ErrorBody(kind.status(), kind.code(), message, field);
    }

    /** Whether sending the same request again later may succeed (the failure was not the request's fault). */
    public boolean retryable() {
        return status == 503;
    }
}
