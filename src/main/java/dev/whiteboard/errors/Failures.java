package dev.whiteboard.errors;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that decides what a failure means for whoever sent the request, whatever the protocol (REST
 * response or the result of a real-time event). Containers wrap exceptions (transactions, JSON binding), so the
 * cause chain is read: an expected failure inside keeps its own kind; unreadable JSON is the sender's 400; a
 * database that fails, or a transaction that could not commit, is 503 (nothing was stored, retrying may work);
 * anything left is a 500 whose details are only logged, under an incident id the body carries.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {}

    public static ErrorBody describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WhiteboardException expected) {
                return ErrorBody.of(expected);
            }
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return ErrorBody.of(new InvalidInputException(
                        null, "the body is not valid JSON for this request: " + firstLine(cause.getMessage())));
            }
            if (cause instanceof PersistenceException
                    || cause instanceof SQLException
                    || cause instanceof RollbackException) {
                LOG.log(Level.WARNING, "Database failure: {0}", firstLine(cause.getMessage()));
                return ErrorBody.of(new StorageUnavailableException(
                        "the database is not available right now;" + " nothing was changed, try again"));
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return new ErrorBody(500, "server_error", "unexpected server error (incident " + incident + ")", null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
