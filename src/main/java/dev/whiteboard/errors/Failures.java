package dev.whiteboard.errors;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what a failure means for whoever sent the request, whatever the protocol (REST
 * response or the result of a real-time event). Containers wrap exceptions (transactions, JSON binding), so the
 * cause chain is read: an expected failure inside keeps its own kind; unreadable JSON is the sender's 400; a
 * database that fails, or a transaction that could not commit, is 503 (nothing was stored, retrying may work);
 * anything left is a 500 whose details are only logged, under an incident id the body carries.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("deserialize property '([A-Za-z0-9_$]{1,64})'");

    private Failures() {}

    public static ErrorBody describe(Throwable e) {
        return expected(e).orElseGet(() -> {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
            return new ErrorBody(500, "server_error", "unexpected server error (incident " + incident + ")", null);
        });
    }

    /**
     * The error for {@code e} when its chain holds a failure of a known kind (expected, bad JSON, the database);
     * empty otherwise.
     */
    public static Optional<ErrorBody> expected(Throwable e) {
        // an expected failure anywhere in the chain wins: the JSON binding wraps what a stream or a deserializer threw
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof WhiteboardException expected) {
                return Optional.of(ErrorBody.of(expected));
            }
        }
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof InvalidJsonValueException strict) {
                String field = property(e);
                LOG.log(Level.FINE, "Refused JSON value of {0}: {1}", new Object[] {field, strict.getMessage()});
                return Optional.of(ErrorBody.of(new InvalidInputException(
                        field, (field == null ? "a value " : field + " ") + strict.getMessage())));
            }
        }
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                // the parser's own words name its classes and internals: they go to the log, not to the caller
                String field = property(e);
                LOG.log(Level.INFO, "Unreadable JSON{0}: {1}", new Object[] {
                    field == null ? "" : " at " + field, firstLine(cause.getMessage())
                });
                return Optional.of(ErrorBody.of(new InvalidInputException(
                        field,
                        field == null
                                ? "the body is not valid JSON for this request"
                                : field + " has the wrong type or form for this request")));
            }
            if (cause instanceof PersistenceException
                    || cause instanceof SQLException
                    || cause instanceof RollbackException) {
                LOG.log(Level.WARNING, "Database failure: {0}", firstLine(cause.getMessage()));
                return Optional.of(ErrorBody.of(new StorageUnavailableException(
                        "the database is not available right now;" + " nothing was changed, try again")));
            }
        }
        return Optional.empty();
    }

    /**
     * The property the JSON binding was reading, as a dotted path ({@code put.z}), from the words Yasson (the JSON-B
     * of Payara and WildFly alike) wraps a failure in: {@code Unable to deserialize property 'z' because of: …},
     * nested once per level. {@code null} when the messages do not say.
     */
    static String property(Throwable e) {
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof JsonbException && cause.getMessage() != null) {
                Matcher names = PROPERTY.matcher(cause.getMessage());
                StringBuilder path = new StringBuilder();
                while (names.find()) {
                    path.append(path.isEmpty() ? "" : ".").append(names.group(1));
                }
                if (!path.isEmpty()) {
                    return path.toString();
                }
            }
        }
        return null;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
