package dev.whiteboard.hub.boundary;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registers the {@link ClientEndpoint} at each form of the client URL: {@code /client/hubs/{hub}} (the form the
 * SDKs build), {@code /client/?hub={hub}}, and {@code /client?hub={hub}} (without the slash, a different path to
 * the container). The container finds this class by scanning the application, as it finds annotated endpoints.
 * <p>Once an application has a {@code ServerApplicationConfig}, the container deploys only the endpoints it
 * returns, annotated ones included: every annotated endpoint the scan found is handed back unchanged, so one added
 * later is not silently left out.
 */
public class HubEndpoints implements ServerApplicationConfig {

    static final List<String> PATHS = List.of("/client/hubs/{hub}", "/client/", "/client");

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return PATHS.stream()
                .map(path -> ServerEndpointConfig.Builder.create(ClientEndpoint.class, path)
                        .subprotocols(List.of(HandshakeRequests.RELIABLE_SUBPROTOCOL, HandshakeRequests.JSON_SUBPROTOCOL))
                        .configurator(new ClientHandshake())
                        .build())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}
