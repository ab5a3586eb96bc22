package dev.whiteboard.events;

import dev.whiteboard.errors.ErrorBody;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
     * The reply, completed when the handler is done, e.g. once its change committed: how in-process events are
     * handled, so that no thread waits meanwhile. By default {@link #handle} on the calling thread. A handler that
     * overrides it must keep the reply the same as {@link #handle}'s.
     */
    default CompletableFuture<Optional<Object>> handleAsync(UserEvent event) {
        return CompletableFuture.completedFuture(handle(event));
    }

    /**
     * The reply to an event whose envelope could not be decoded (data not a JSON object, a bad {@code requestId}):
     * nothing of it can be repeated. By default an {@link EventError}.
     */
    default Object refused(String event, ErrorBody error) {
        return new EventError(event, error);
    }
}
