package dev.whiteboard.hub.boundary;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.HubTimer;
import dev.whiteboard.hub.access.ClientClaims;
import dev.whiteboard.hub.access.InvalidTokenException;
import dev.whiteboard.hub.protocol.Subprotocol;
import dev.whiteboard.hub.session.Admission;
import dev.whiteboard.hub.session.ClientSessions;
import dev.whiteboard.hub.session.HandshakeRefusedException;
import dev.whiteboard.hub.session.HubConnection;
import dev.whiteboard.hub.socket.ClientSocket;
import dev.whiteboard.hub.socket.CloseCode;
import dev.whiteboard.hub.socket.Handshake;
import dev.whiteboard.hub.socket.SocketClosure;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
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
 * The client endpoint of the built-in hub, at both forms of the client URL the service accepts:
 * {@code /client/hubs/{hub}} and {@code /client/?hub={hub}} (also {@code /client?hub=}). A refused handshake gets a
 * real HTTP status before any upgrade, as the service answers: 401 for a missing, forged, expired or foreign token,
 * 403 for an origin outside the policy, 400 for a subprotocol the hub does not speak (or a request that is no
 * WebSocket handshake), 404 when the built-in hub is off; the event handler's blocking {@code connect} is asked here
 * too, and its refusal becomes the handshake's status. An admitted client is upgraded to a {@link ClientSocket}
 * whose messages go to {@link ClientSessions}. Frames over 1 MB are refused with 1009 (Too Big) from their header.
 */
@WebServlet(
        urlPatterns = {"/client", "/client/*"},
        asyncSupported = true)
public class ClientSocketServlet extends HttpServlet {

    /** The largest message a client may send, as on the service. */
    public static final int MAX_FRAME_BYTES = 1024 * 1024;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClientSocketServlet.class.getName());

    @Inject
    HubSettings settings;

    @Inject
    ClientSessions sessions;

    @Inject
    HubTimer timer;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!settings.enabled()) {
            refuse(response, 404, "the built-in hub is off: this app uses Azure Web PubSub");
            return;
        }
        Optional<Handshake.Refusal> notAHandshake = Handshake.check(request);
        if (notAHandshake.isPresent()) {
            if (notAHandshake.get().status() == 426) {
                response.setHeader("Sec-WebSocket-Version", "13");
            }
            refuse(response, notAHandshake.get().status(), notAHandshake.get().message());
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
        List<String> offered =
                HandshakeRequests.offeredSubprotocols(Collections.list(request.getHeaders("Sec-WebSocket-Protocol")));
        // the first subprotocol the client offers that the hub speaks; none for plain clients
        Optional<Subprotocol> spoken = HandshakeRequests.firstSpoken(offered);
        if (!offered.isEmpty() && spoken.isEmpty()) {
            refuse(
                    response,
                    400,
                    "subprotocols " + offered + " are not supported by the built-in hub; offer "
                            + HandshakeRequests.SPOKEN + " or none");
            return;
        }
        String subprotocol = spoken.map(Subprotocol::wireName).orElse(null);
        String recovering = request.getParameter("awps_connection_id");
        if (recovering != null) {
            // a reliable client coming back: its reconnection token is its credential (a stale access_token is ignored)
            Admission recovery = sessions.admitRecovery(
                    hub.get(), recovering, request.getParameter("awps_reconnection_token"), spoken);
            Handshake.upgrade(
                    request,
                    response,
                    subprotocol,
                    MAX_FRAME_BYTES,
                    socket -> recovered(hub.get(), recovery, socket),
                    timer.socketThreads());
            return;
        }
        Optional<String> token = HandshakeRequests.token(
                Optional.ofNullable(request.getParameter("access_token")),
                Optional.ofNullable(request.getHeader("Authorization")));
        ClientClaims claims;
        try {
            claims = settings.verifier().verify(token.orElse(null), hub.get());
        } catch (InvalidTokenException e) {
            LOG.log(Level.FINE, "Refused a client handshake to hub {0}: {1}", new Object[] {hub.get(), e.getMessage()});
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, 401, e.getMessage());
            return;
        }
        Admission admission;
        try {
            admission = sessions.admit(hub.get(), claims, query(request), headers(request), offered);
        } catch (HandshakeRefusedException e) {
            refuse(response, e.status(), e.getMessage());
            return;
        }
        Handshake.upgrade(
                request,
                response,
                subprotocol,
                MAX_FRAME_BYTES,
                socket -> listener(sessions.open(hub.get(), admission, spoken, socket), socket),
                timer.socketThreads());
    }

    /** A reliable client's new socket: the connection it recovers, or a close with 1008 when it cannot. */
    private ClientSocket.Listener recovered(String hub, Admission recovery, ClientSocket socket) {
        Optional<HubConnection> connection = sessions.resume(hub, recovery, socket);
        if (connection.isEmpty()) {
            socket.close(CloseCode.VIOLATED_POLICY, "the connection cannot be recovered");
            return NOTHING;
        }
        return listener(connection.get(), socket);
    }

    /** What a client's socket tells: frames, pongs and the close go to the hub's connection. */
    private ClientSocket.Listener listener(HubConnection connection, ClientSocket socket) {
        return new ClientSocket.Listener() {
            @Override
            public void text(String text) {
                sessions.onText(connection, text);
            }

            @Override
            public void binary(byte[] bytes) {
                sessions.onBinary(connection, bytes);
            }

            @Override
            public void pong() {
                sessions.onPong(connection);
            }

            @Override
            public void heard() {
                sessions.onHeard(connection);
            }

            @Override
            public void closed(SocketClosure closure) {
                sessions.socketClosed(connection, socket, closure);
            }
        };
    }

    private static final ClientSocket.Listener NOTHING = new ClientSocket.Listener() {};

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
        response.getWriter()
                .write(JSON.createObjectBuilder()
                        .add("status", status)
                        .add(
                                "error",
                                switch (status) {
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
