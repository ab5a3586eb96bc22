package dev.whiteboard.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the statuses {@link SignInMechanism} fails requests with (401, 429 while sign-ins are
 * throttled, and 503 when the accounts cannot be read; {@code web.xml}). Payara sends the mechanism's JSON body as written. WildFly answers a failed
 * authentication with {@code sendError}, which replaces that body with the server's HTML error page unless the
 * application has an error page for the status: this one writes the mechanism's JSON body again, so callers get
 * the same answer on every server. Anything else (no body from the mechanism, or a direct request) gets no body.
 */
@WebServlet("/errors/authentication")
public class AuthenticationFailurePage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The request attribute holding the JSON body the mechanism answered with. */
    static final String BODY = "whiteboard.authentication-failure";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getAttribute(BODY) instanceof String json) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json);
        }
    }
}
