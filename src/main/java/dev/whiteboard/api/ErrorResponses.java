package dev.whiteboard.api;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.errors.WhiteboardException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Failures as HTTP responses: the JSON {@link ErrorBody} that {@link Failures} decides, with {@code Retry-After}
 * where trying again later may work.
 */
final class ErrorResponses {

    private ErrorResponses() {}

    static Response of(WhiteboardException e) {
        return of(ErrorBody.of(e));
    }

    static Response forFailure(Throwable e) {
        return of(Failures.describe(e));
    }

    static Response of(int status, String error, String message, String field) {
        return of(new ErrorBody(status, error, message, field));
    }

    static Response of(ErrorBody body) {
        Response.ResponseBuilder response = Response.status(body.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body);
        if (body.retryable()) {
            response.header("Retry-After", "5");
        }
        return response.build();
    }
}
