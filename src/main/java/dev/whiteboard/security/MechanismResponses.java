package dev.whiteboard.security;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.security.throttle.SignInThrottledException;
import dev.whiteboard.wire.WireJson;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The error answers of the authentication mechanisms: the same JSON body as every other error of the API
 * ({@link ErrorBody}), written before any JAX-RS resource runs.
 */
public final class MechanismResponses {

    private MechanismResponses() {}

    /**
     * Writes the error and ends the request with it. The body is kept for the error page too: some servers
     * (WildFly) answer a failed authentication with {@code sendError}, which drops this body for the application's
     * error page of the status ({@link AuthenticationFailurePage}).
     */
    public static AuthenticationStatus fail(HttpServletRequest request, HttpServletResponse response, ErrorBody error) {
        response.setStatus(error.status());
        if (error.retryable()) {
            response.setHeader("Retry-After", "5");
        }
        String json = WireJson.write(error);
        request.setAttribute(AuthenticationFailurePage.BODY, json);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 429 with {@code Retry-After}: too many failed sign-ins (see {@link SignInThrottle}). */
    public static AuthenticationStatus throttled(
            HttpServletRequest request, HttpServletResponse response, SignInThrottledException e) {
        response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        return fail(request, response, ErrorBody.of(e));
    }

    public static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, String message) {
        return fail(request, response, ErrorBody.of(ErrorKind.UNAUTHENTICATED, message, null));
    }
}
