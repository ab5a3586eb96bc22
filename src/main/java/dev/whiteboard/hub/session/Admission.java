package dev.whiteboard.hub.session;

import dev.whiteboard.hub.access.ClientClaims;
import dev.whiteboard.hub.upstream.Upstream;
import java.util.List;
import java.util.Optional;

/**
 * A client admitted by the handshake: its connection id (already named in the {@code connect} event) and who it
 * is and may be, after the event handler's answer: {@code userId} overrides the token's, {@code roles} replace
 * them, {@code groups} replace them when not empty; its {@code ce-connectionState} is the connection's initial state
 * ({@code ""} for none). Or a reliable client's recovery of an existing connection, which keeps the state it had.
 */
public record Admission(
        String connectionId,
        Optional<String> userId,
        List<String> roles,
        List<String> groups,
        String connectionState,
        boolean recovery) {

    public Admission {
        roles = List.copyOf(roles);
        groups = List.copyOf(groups);
    }

    static Admission of(String connectionId, ClientClaims claims, Upstream.ConnectDecision decision) {
        return new Admission(
                connectionId,
                decision.userId().filter(u -> !u.isEmpty()).or(claims::userId),
                decision.roles().orElse(claims.roles()),
                decision.groups().orElse(claims.groups()),
                decision.connectionState(),
                false);
    }

    /**
     * A reliable client coming back to its connection, or (with an empty id) one that cannot: it is let in only to
     * be closed with 1008, which tells the SDK clients to stop recovering and connect afresh.
     */
    static Admission recovery(String connectionId) {
        return new Admission(connectionId, Optional.empty(), List.of(), List.of(), "", true);
    }

    public boolean recoverable() {
        return recovery && !connectionId.isEmpty();
    }
}
