package dev.whiteboard.api;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.wire.WireJson;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page ({@code web.xml}) of failures the container answers itself, before any of our code runs: a
 * malformed {@code Content-Type} or URL ({@code %00} in a path), an unknown page, a method not allowed, an exception
 * that escaped a servlet. Payara and WildFly would send their own HTML page, with their name and version in it; this
 * writes the JSON {@link ErrorBody} every other error has, with a log line. Only the status is told, never the
 * container's words or an exception's. Jersey (Payara) answers a malformed {@code Content-Type} itself with a bodiless
 * {@code sendError(400)} that no JAX-RS mapper sees: this page gives it its body too (and a bodiless 404 of a resource,
 * such as the hub's "no such connection", gets one; its status is unchanged). Payara's HTTP layer refuses a NUL in
 * the path before any servlet, with an empty 400, and so does WildFly's: no page is involved there.
 */
@WebServlet("/errors/request")
public class ContainerErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Level level = status >= 500 ? Level.WARNING : Level.INFO;
        if (exception instanceof Throwable failure && status >= 500) {
            LOG.log(
                    level,
                    "The container answered " + status + " to " + request.getMethod() + " " + uri(request),
                    failure);
        } else {
            LOG.log(level, "The container answered {0} to {1} {2}", new Object[] {
                status, request.getMethod(), uri(request)
            });
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(WireJson.write(new ErrorBody(status, code(status), message(status), null)));
    }

    private static String uri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String text = uri == null ? "?" : uri.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_type";
            default -> status >= 500 ? "server_error" : "http_" + status;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 413 -> "the request is too large";
            case 415 -> "this content type is not accepted here";
            default -> status >= 500 ? "unexpected server error" : "the request failed (" + status + ")";
        };
    }
}
