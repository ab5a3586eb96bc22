package dev.whiteboard.api;

import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.errors.StorageUnavailableException;
import dev.whiteboard.errors.WhiteboardException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. Containers wrap exceptions (transactions, EJB, JSON binding), so the cause chain is
 * read: an expected failure inside gets its own status; unreadable JSON is the client's 400; a database that
 * fails is 503 (the change was not stored, retrying may work); anything left is a 500 whose details are only
 * logged, under an id the response carries.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WhiteboardException expected) {
                return ErrorResponses.of(expected);
            }
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return ErrorResponses.of(new InvalidInputException(null, "the body is not valid JSON for this request: "
                        + firstLine(cause.getMessage())));
            }
            if (cause instanceof PersistenceException || cause instanceof SQLException) {
                LOG.log(Level.WARNING, "Database failure: {0}", firstLine(cause.getMessage()));
                return ErrorResponses.of(new StorageUnavailableException("the database is not available right now;"
                        + " nothing was changed, try again"));
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return ErrorResponses.of(500, "server_error", "unexpected server error (incident " + incident + ")", null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
