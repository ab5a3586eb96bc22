package dev.whiteboard.api;

import dev.whiteboard.errors.WhiteboardException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Expected failures, thrown by control code: their kind decides the status. */
@Provider
public class WhiteboardExceptionMapper implements ExceptionMapper<WhiteboardException> {

    @Override
    public Response toResponse(WhiteboardException e) {
        return ErrorResponses.of(e);
    }
}
