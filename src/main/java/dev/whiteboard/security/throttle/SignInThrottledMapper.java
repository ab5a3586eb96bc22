package dev.whiteboard.security.throttle;

import dev.whiteboard.errors.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The sign-in form's 429: the usual JSON error body, and {@code Retry-After} in seconds. */
@Provider
public class SignInThrottledMapper implements ExceptionMapper<SignInThrottledException> {

    @Override
    public Response toResponse(SignInThrottledException e) {
        return Response.status(e.kind().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .entity(ErrorBody.of(e))
                .build();
    }
}
