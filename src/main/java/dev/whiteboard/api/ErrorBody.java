package dev.whiteboard.api;

/**
 * The JSON body of every error response: {@code {"status":404,"error":"not_found","message":"…"}}, with
 * {@code field} naming the offending input where there is one.
 *
 * @param status  the HTTP status, repeated for clients that only see the body
 * @param error   a stable machine-readable code ({@link dev.whiteboard.errors.ErrorKind#code()})
 * @param message what went wrong, for the person who sent the request
 * @param field   the input at fault, or {@code null}
 */
public record ErrorBody(int status, String error, String message, String field) {
}
