package dev.whiteboard.events;

import dev.whiteboard.errors.ErrorBody;
import java.util.Optional;
import java.util.Set;

/**
 * Handles the user events it names, decoded once by the {@link EventRouter} into a {@link UserEvent}. The reply (a
 * message record, written as JSON by the router) goes back to the client that sent the event, before the service
 * acknowledges it. Handlers answer expected failures in their reply rather than with an error status: on Azure, an
 * event handler's error status may close the client's connection.
 */
public interface UserEventHandler {

    /** The event names this handler takes ({@code event} in the client's message). */
    Set<String> events();

    /** The reply to the client, if any. */
    Optional<Object> handle(UserEvent event);

    /**
     * The reply to an event whose envelope could not be decoded (data not a JSON object, a bad {@code requestId}):
     * nothing of it can be repeated. By default an {@link EventError}.
     */
    default Object refused(String event, ErrorBody error) {
        return new EventError(event, error);
    }
}
