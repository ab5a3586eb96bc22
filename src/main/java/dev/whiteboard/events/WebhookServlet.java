package dev.whiteboard.events;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.errors.TooLargeException;
import dev.whiteboard.realtime.RealtimeSettings;
import dev.whiteboard.wire.WireJson;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /eventhandler}: the webhook the real-time service calls. A thin boundary: refuses a caller whose address is
 * not among {@code whiteboard.webhook.allowed-sources} (403, before anything else); answers the abuse-protection
 * handshake ({@code OPTIONS}: only the configured service origins are granted, never {@code *}); refuses a call
 * whose {@code ce-signature} matches neither access key or that lacks a valid Bearer token where one is required
 * (401, before the body is read); reads the CloudEvent (400 when malformed, 413 over {@value #MAX_BODY_BYTES} bytes);
 * has the {@link ConnectionGuard} refuse an event for a connection the app did not see connect, as another user, or
 * with a used {@code ce-id} (403); hands it to the {@link EventRouter}; and writes the answer: {@code connect} gets
 * its groups and roles (or the 4xx that refuses the client), user events their reply. Every refusal is logged as a
 * security event and stores nothing.
 */
@WebServlet(urlPatterns = "/eventhandler")
public class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Frames are at most 1 MB; a connect event's headers and claims are far less. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(WebhookServlet.class.getName());

    @Inject
    transient RealtimeSettings settings;

    @Inject
    transient EventRouter router;

    @Inject
    transient WebhookSettings webhook;

    @Inject
    transient ConnectionGuard guard;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String source = request.getRemoteAddr();
        if (!webhook.sources().allows(source)) {
            refuse(
                    request,
                    response,
                    RefusedCallException.forbidden(
                            "this webhook takes calls only from its configured sources", "source"));
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requested = request.getHeader("WebHook-Request-Origin");
        if (requested == null || requested.isBlank()) {
            error(
                    response,
                    ErrorBody.of(
                            ErrorKind.INVALID,
                            "an abuse-protection request names its origin in WebHook-Request-Origin",
                            "WebHook-Request-Origin"));
            return;
        }
        Optional<String> granted = Arrays.stream(requested.split(","))
                .map(o -> o.strip().toLowerCase(Locale.ROOT))
                .filter(o -> settings.webhookOrigins().contains(o))
                .findFirst();
        if (granted.isEmpty()) {
            LOG.log(Level.WARNING, "Refused the abuse-protection handshake of origin {0}", abbreviate(requested));
            error(
                    response,
                    ErrorBody.of(
                            ErrorKind.FORBIDDEN,
                            "this webhook serves only its configured Web PubSub service",
                            "WebHook-Request-Origin"));
            return;
        }
        response.setHeader("WebHook-Allowed-Origin", granted.get());
        response.setHeader("Allow", "POST, OPTIONS");
        response.setStatus(200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Signatures.valid(
                request.getHeader("ce-signature"), request.getHeader("ce-connectionId"), settings.webhookKeys())) {
            refuse(
                    request,
                    response,
                    RefusedCallException.unauthenticated(
                            "ce-signature does not match the service's access keys", "ce-signature"));
            return;
        }
        WebhookEvent event = null;
        try {
            Optional<HandlerTokens> tokens = webhook.tokens();
            if (tokens.isPresent()) {
                tokens.get()
                        .check(
                                request.getHeader("Authorization"),
                                request.getRequestURL().toString(),
                                request.getHeader("ce-connectionId") + " " + request.getHeader("ce-id"));
            }
            byte[] body = read(request);
            WebhookEvent read = CloudEvents.read(request, body);
            if (!read.hub().equalsIgnoreCase(settings.hub())) {
                throw new MalformedEventException("ce-hub", "this app handles the hub '" + settings.hub() + "' only");
            }
            guard.admit(read);
            event = read;
            dispatch(event, response);
        } catch (RefusedCallException e) {
            refuse(request, response, e);
        } catch (RuntimeException e) {
            ErrorBody failure = Failures.describe(e);
            if (event != null && failure.status() >= 500) {
                guard.release(event); // the service sends a failed event again with the same id
            }
            error(response, failure);
        }
    }

    private void dispatch(WebhookEvent event, HttpServletResponse response) throws IOException {
        if (event instanceof WebhookEvent.Connect connect) {
            ConnectPolicy.Answer answer = router.connect(connect);
            guard.accepted(connect);
            json(response, 200, WireJson.write(answer));
        } else if (event instanceof WebhookEvent.Connected connected) {
            router.connected(connected);
            response.setStatus(204);
        } else if (event instanceof WebhookEvent.Disconnected disconnected) {
            router.disconnected(disconnected);
            guard.ended(disconnected);
            response.setStatus(204);
        } else {
            WebhookEvent.User user = (WebhookEvent.User) event;
            Optional<String> reply = router.handle(user);
            if (reply.isPresent()) {
                json(response, 200, reply.get());
            } else {
                response.setStatus(204);
            }
        }
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new EventTooLargeException();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new EventTooLargeException();
            }
            return body;
        }
    }

    /** A refused call: its JSON error, and a security event in the log (who called, what for, why refused). */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, RefusedCallException e)
            throws IOException {
        LOG.log(
                Level.WARNING,
                "Security: refused a webhook call from {0} (connection {1}, user {2}, event {3}): {4}",
                new Object[] {
                    request.getRemoteAddr(),
                    abbreviate(String.valueOf(request.getHeader("ce-connectionId"))),
                    abbreviate(String.valueOf(request.getHeader("ce-userId"))),
                    abbreviate(String.valueOf(request.getHeader("ce-type"))),
                    e.getMessage()
                });
        error(response, Failures.describe(e));
    }

    private static void error(HttpServletResponse response, ErrorBody body) throws IOException {
        json(response, body.status(), WireJson.write(body));
    }

    private static void json(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json);
    }

    private static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }

    /** An event body over the limit. */
    static final class EventTooLargeException extends TooLargeException {
        private static final long serialVersionUID = 1L;

        EventTooLargeException() {
            super("an event body is at most " + MAX_BODY_BYTES + " bytes");
        }
    }
}
