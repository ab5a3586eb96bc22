package dev.whiteboard.api;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.Failures;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Optional;

/**
 * Failures the JAX-RS runtime itself detects (no such path, method not allowed, unsupported content type,
 * unacceptable media type) get the same JSON error body as ours. Headers such as {@code Allow} are kept, and
 * a response that already has a body is left as it is.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original; // a resource that chose its own error body (the hub's REST API) keeps it
        }
        if (e.getCause() != null && original.getStatus() == 400) {
            // the runtime's own 400 for a body it could not read: our deserializers and stream limits say why
            Optional<ErrorBody> cause = Failures.expected(e.getCause());
            if (cause.isPresent()) {
                return ErrorResponses.of(cause.get());
            }
        }
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "error" : type.getReasonPhrase();
        Response body = ErrorResponses.of(status, code(status), message(status, reason), null);
        Response.ResponseBuilder response = Response.fromResponse(body);
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "too_large";
            case 415 -> "unsupported_type";
            default -> status >= 500 ? "server_error" : "http_" + status;
        };
    }

    private static String message(int status, String reason) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 415 -> "this content type is not accepted here";
            default -> reason.toLowerCase(Locale.ROOT);
        };
    }
}
