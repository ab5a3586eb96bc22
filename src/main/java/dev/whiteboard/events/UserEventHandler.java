package dev.whiteboard.events;

import java.util.Optional;
import java.util.Set;

/**
 * Handles the user events it names. The reply (JSON) goes back to the client that sent the event, before the
 * service acknowledges it. Handlers answer expected failures in their reply rather than with an error status: on
 * Azure, an event handler's error status may close the client's connection.
 */
public interface UserEventHandler {

    /** The event names this handler takes ({@code event} in the client's message). */
    Set<String> events();

    /** The reply to the client, as JSON, if any. */
    Optional<String> handle(WebhookEvent.User event);
}
