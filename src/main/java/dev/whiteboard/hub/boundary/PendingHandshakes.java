package dev.whiteboard.hub.boundary;

import dev.whiteboard.hub.Admission;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Hands an admission from the handshake filter (which runs before the upgrade, and may refuse with an HTTP
 * status) to the WebSocket configurator of the same handshake, keyed by the client's {@code Sec-WebSocket-Key}.
 * Entries not picked up within 30 s (an upgrade that failed) are dropped.
 */
@ApplicationScoped
public class PendingHandshakes {

    private record Pending(Admission admission, Instant expires) {
    }

    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

    void put(String webSocketKey, Admission admission) {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        pending.put(webSocketKey, new Pending(admission, now.plusSeconds(30)));
    }

    Optional<Admission> take(String webSocketKey) {
        return Optional.ofNullable(webSocketKey == null ? null : pending.remove(webSocketKey)).map(Pending::admission);
    }
}
