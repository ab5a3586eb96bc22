package dev.whiteboard.api;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one place that decides which HTTP status each kind of failure gets, and how its body looks. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static int status(ErrorKind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case UNAVAILABLE -> 503;
        };
    }

    static Response of(WhiteboardException e) {
        return of(body(e));
    }

    static ErrorBody body(WhiteboardException e) {
        return new ErrorBody(status(e.kind()), e.kind().code(), e.getMessage(), e.field().orElse(null));
    }

    static Response of(int status, String error, String message, String field) {
        return of(new ErrorBody(status, error, message, field));
    }

    private static Response of(ErrorBody body) {
        Response.ResponseBuilder response = Response.status(body.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body);
        if (body.status() == 503) {
            response.header("Retry-After", "5");
        }
        return response.build();
    }
}
