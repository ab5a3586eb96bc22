package dev.whiteboard.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudEvent from the real-time service, typed by what it says. {@code userId} is the one the service vouches
 * for (from the client's token, signed by the service): the only user id the app trusts on this path, and only as the
 * user the connection connected as ({@link ConnectionGuard}).
 */
public sealed interface WebhookEvent {

    /** {@code ce-id}: unique per connection (a repeated one is refused as a replay). */
    String eventId();

    String hub();

    String connectionId();

    Optional<String> userId();

    /** A client asks to connect ({@code azure.webpubsub.sys.connect}); blocking, the answer decides. */
    record Connect(
            String eventId, String hub, String connectionId, Optional<String> userId, Map<String, List<String>> query)
            implements WebhookEvent {
        public Connect {
            query = Map.copyOf(query);
        }

        /** The first value of a query parameter of the client's URL. */
        public Optional<String> queryValue(String name) {
            return Optional.ofNullable(query.get(name))
                    .flatMap(values -> values.stream().findFirst());
        }
    }

    /** The connection is open ({@code azure.webpubsub.sys.connected}). */
    record Connected(String eventId, String hub, String connectionId, Optional<String> userId)
            implements WebhookEvent {}

    /** The connection ended ({@code azure.webpubsub.sys.disconnected}), with the service's reason. */
    record Disconnected(String eventId, String hub, String connectionId, Optional<String> userId, String reason)
            implements WebhookEvent {}

    /** A client's {@code event} ({@code azure.webpubsub.user.<name>}); blocking, the reply goes back to it. */
    record User(
            String eventId,
            String hub,
            String connectionId,
            Optional<String> userId,
            String name,
            String contentType,
            byte[] data)
            implements WebhookEvent {

        public boolean isJson() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
        }

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }
}
