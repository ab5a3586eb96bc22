package dev.whiteboard.hub.boundary;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.hub.ClientClaims;
import dev.whiteboard.hub.ClientSessions;
import dev.whiteboard.hub.HandshakeRefusedException;
import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.InvalidTokenException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a refused client handshake with a real HTTP status before the WebSocket upgrade happens, as the
 * service does: 401 for a missing, forged, expired or foreign token, 403 for an origin outside the policy,
 * 400 for a subprotocol the hub does not speak, 404 when the built-in hub is off. The WebSocket API itself can
 * only refuse with a close frame, after the upgrade. Here too the event handler's blocking {@code connect} is
 * asked, and its refusal becomes the handshake's status. Admitted handshakes continue to a {@link ClientEndpoint}
 * (either form of the client URL), which takes the admission from {@link PendingHandshakes}.
 */
@WebFilter(urlPatterns = {"/client", "/client/*"}, asyncSupported = true)
public class HubHandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HubHandshakeFilter.class.getName());

    @Inject
    HubSettings settings;

    @Inject
    ClientSessions sessions;

    @Inject
    PendingHandshakes pending;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!settings.enabled()) {
            refuse(response, 404, "the built-in hub is off: this app uses Azure Web PubSub");
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            refuse(response, 400, "a WebSocket upgrade is required");
            return;
        }
        Optional<String> hub = HandshakeRequests.hub(request.getRequestURI(), request.getParameter("hub"));
        if (hub.isEmpty()) {
            refuse(response, 404, "no such hub: connect to /client/hubs/{hub} or /client/?hub={hub}");
            return;
        }
        if (!settings.allowsOrigin(request.getHeader("Origin"))) {
            refuse(response, 403, "origin " + request.getHeader("Origin") + " is not allowed");
            return;
        }
        List<String> offered = HandshakeRequests.offeredSubprotocols(
                Collections.list(request.getHeaders("Sec-WebSocket-Protocol")));
        if (!offered.isEmpty() && !offered.contains(HandshakeRequests.JSON_SUBPROTOCOL)
                && !offered.contains(HandshakeRequests.RELIABLE_SUBPROTOCOL)) {
            refuse(response, 400, "subprotocols " + offered + " are not supported by the built-in hub (protobuf is not);"
                    + " offer " + HandshakeRequests.RELIABLE_SUBPROTOCOL + ", " + HandshakeRequests.JSON_SUBPROTOCOL
                    + " or none");
            return;
        }
        Optional<String> token = HandshakeRequests.token(Optional.ofNullable(request.getParameter("access_token")),
                Optional.ofNullable(request.getHeader("Authorization")));
        String webSocketKey = request.getHeader("Sec-WebSocket-Key");
        if (webSocketKey == null) {
            refuse(response, 400, "Sec-WebSocket-Key is missing");
            return;
        }
        String recovering = request.getParameter("awps_connection_id");
        if (recovering != null) {
            // a reliable client coming back: its reconnection token is its credential (a stale access_token is ignored)
            pending.put(webSocketKey, sessions.admitRecovery(hub.get(), recovering,
                    request.getParameter("awps_reconnection_token")));
            chain.doFilter(request, response);
            return;
        }
        ClientClaims claims;
        try {
            claims = settings.verifier().verify(token.orElse(null), hub.get());
        } catch (InvalidTokenException e) {
            LOG.log(Level.FINE, "Refused a client handshake to hub {0}: {1}", new Object[] {hub.get(), e.getMessage()});
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, 401, e.getMessage());
            return;
        }
        try {
            pending.put(webSocketKey, sessions.admit(hub.get(), claims, query(request), headers(request), offered));
        } catch (HandshakeRefusedException e) {
            refuse(response, e.status(), e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The query for the connect event, without the token. */
    private static Map<String, List<String>> query(HttpServletRequest request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("access_token")) {
                query.put(name, List.of(values));
            }
        });
        return query;
    }

    /** The headers for the connect event, without credentials. */
    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("Cookie")) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
        }
        return headers;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.createObjectBuilder()
                .add("status", status)
                .add("error", switch (status) {
                    case 401 -> "unauthorized";
                    case 403 -> "forbidden";
                    case 404 -> "not_found";
                    default -> "invalid";
                })
                .add("message", message)
                .build()
                .toString());
    }
}
