package dev.whiteboard.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void everyKindHasItsOwnStatus() {
        Set<Integer> statuses = new HashSet<>();
        for (ErrorKind kind : ErrorKind.values()) {
            statuses.add(kind.status());
        }
        assertEquals(ErrorKind.values().length, statuses.size());
        assertEquals(400, ErrorKind.INVALID.status());
        assertEquals(401, ErrorKind.UNAUTHENTICATED.status());
        assertEquals(403, ErrorKind.FORBIDDEN.status());
        assertEquals(404, ErrorKind.NOT_FOUND.status());
        assertEquals(413, ErrorKind.TOO_LARGE.status());
        assertEquals(415, ErrorKind.UNSUPPORTED_TYPE.status());
        assertEquals(503, ErrorKind.UNAVAILABLE.status());
    }

    @Test
    void theBodyCarriesStatusCodeMessageAndField() {
        ErrorBody body = ErrorBody.of(new InvalidInputException("title", "title is required"));
        assertEquals(new ErrorBody(400, "invalid", "title is required", "title"), body);
        assertFalse(body.retryable());
    }

    @Test
    void anExpectedFailureWrappedByTheContainerKeepsItsKind() {
        ErrorBody body = Failures.describe(new RuntimeException("tx", new InvalidInputException("x", "bad x")));
        assertEquals(400, body.status());
        assertEquals("x", body.field());
    }

    @Test
    void aDatabaseFailureIsRetryable() {
        ErrorBody body = Failures.describe(new RuntimeException(new PersistenceException("connection refused")));
        assertEquals(503, body.status());
        assertTrue(body.retryable());
    }

    @Test
    void anythingElseIsAServerErrorWithAnIncidentId() {
        ErrorBody body = Failures.describe(new IllegalStateException("boom"));
        assertEquals(500, body.status());
        assertTrue(body.message().contains("incident"));
        assertFalse(body.message().contains("boom"));
    }
}
