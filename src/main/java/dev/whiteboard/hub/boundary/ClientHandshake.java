package dev.whiteboard.hub.boundary;

import dev.whiteboard.hub.Admission;
import dev.whiteboard.hub.HubSettings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Optional;

/**
 * The WebSocket side of the handshake: the origin policy, the subprotocol choice (the first one the client
 * offers that the hub speaks), and the admission the handshake filter made, handed to the new session through
 * its user properties (a per-connection copy since WebSocket 2.1).
 */
public class ClientHandshake extends ServerEndpointConfig.Configurator {

    static final String ADMISSION = "whiteboard.hub.admission";
    static final String HUB = "whiteboard.hub.name";

    private HubSettings settings() {
        return CDI.current().select(HubSettings.class).get();
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return settings().allowsOrigin(originHeaderValue);
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return requested.stream().map(String::strip).filter(supported::contains).findFirst().orElse("");
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        List<String> hubParameter = request.getParameterMap().get("hub");
        Optional<String> hub = HandshakeRequests.hub(request.getRequestURI().getPath(),
                hubParameter == null || hubParameter.isEmpty() ? null : hubParameter.get(0));
        Optional<Admission> admission = CDI.current().select(PendingHandshakes.class).get()
                .take(HandshakeRequests.header(request.getHeaders(), "Sec-WebSocket-Key").orElse(null));
        if (hub.isPresent() && admission.isPresent()) {
            config.getUserProperties().put(ADMISSION, admission.get());
            config.getUserProperties().put(HUB, hub.get());
        }
        // otherwise the handshake filter refused it already; the endpoint closes a session without an admission
    }
}
