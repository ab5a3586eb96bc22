package dev.whiteboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.InvalidInputException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    @Test
    void everyKindHasItsOwnStatus() {
        Set<Integer> statuses = new HashSet<>();
        for (ErrorKind kind : ErrorKind.values()) {
            statuses.add(ErrorResponses.status(kind));
        }
        assertEquals(ErrorKind.values().length, statuses.size());
        assertEquals(400, ErrorResponses.status(ErrorKind.INVALID));
        assertEquals(404, ErrorResponses.status(ErrorKind.NOT_FOUND));
        assertEquals(413, ErrorResponses.status(ErrorKind.TOO_LARGE));
        assertEquals(415, ErrorResponses.status(ErrorKind.UNSUPPORTED_TYPE));
        assertEquals(503, ErrorResponses.status(ErrorKind.UNAVAILABLE));
    }

    @Test
    void theBodyCarriesStatusCodeMessageAndField() {
        ErrorBody body = ErrorResponses.body(new InvalidInputException("title", "title is required"));
        assertEquals(new ErrorBody(400, "invalid", "title is required", "title"), body);
    }
}
