package dev.whiteboard.api;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.errors.StorageUnavailableException;
import dev.whiteboard.errors.WhiteboardException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that decides which HTTP status each failure gets, and how its body looks. Containers wrap
 * exceptions (transactions, JSON binding), so {@link #forFailure} reads the cause chain: an expected failure
 * inside gets its own status; unreadable JSON is the client's 400; a database that fails, or a transaction that
 * could not commit, is 503 (nothing was stored, retrying may work); anything left is a 500 whose details are only
 * logged, under an incident id the response carries.
 */
final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

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

    static Response forFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WhiteboardException expected) {
                return of(expected);
            }
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return of(new InvalidInputException(null, "the body is not valid JSON for this request: "
                        + firstLine(cause.getMessage())));
            }
            if (cause instanceof PersistenceException || cause instanceof SQLException
                    || cause instanceof RollbackException) {
                LOG.log(Level.WARNING, "Database failure: {0}", firstLine(cause.getMessage()));
                return of(new StorageUnavailableException("the database is not available right now;"
                        + " nothing was changed, try again"));
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return of(500, "server_error", "unexpected server error (incident " + incident + ")", null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
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
