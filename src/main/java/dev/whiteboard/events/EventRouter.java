package dev.whiteboard.events;

import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.wire.WireJson;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Dispatches a verified event to the feature that handles it: {@code connect} to the {@link ConnectPolicy};
 * {@code connected} and {@code disconnected} as CDI events (presence observes them); user events to the
 * {@link UserEventHandler} that names them, decoded once ({@link UserEvent}), with replies written here.
 */
@ApplicationScoped
public class EventRouter {

    @Inject
    Instance<ConnectPolicy> connectPolicy;

    @Inject
    Instance<UserEventHandler> handlers;

    @Inject
    Event<WebhookEvent.Connected> connected;

    @Inject
    Event<WebhookEvent.Disconnected> disconnected;

    private final Map<String, UserEventHandler> byName = new HashMap<>();

    @PostConstruct
    void index() {
        for (UserEventHandler handler : handlers) {
            for (String name : handler.events()) {
                if (byName.putIfAbsent(name, handler) != null) {
                    throw new IllegalStateException("two handlers for the user event " + name);
                }
            }
        }
    }

    ConnectPolicy.Answer connect(WebhookEvent.Connect event) {
        return connectPolicy.get().connect(event);
    }

    void connected(WebhookEvent.Connected event) {
        connected.fire(event);
    }

    void disconnected(WebhookEvent.Disconnected event) {
        disconnected.fire(event);
    }

    /**
     * The reply to a user event, as JSON: the event is decoded once ({@link UserEvent#decode}) and handed to the
     * handler that names it; an envelope that cannot be decoded is answered by the handler's {@link
     * UserEventHandler#refused}, an event nobody handles with an {@link EventError}. Empty when there is no reply.
     */
    Optional<String> handle(WebhookEvent.User event) {
        UserEventHandler handler = byName.get(event.name());
        if (handler == null) {
            return unknown(event.name());
        }
        UserEvent decoded;
        try {
            decoded = UserEvent.decode(event);
        } catch (RuntimeException e) {
            return reply(handler.refused(event.name(), Failures.describe(e)));
        }
        return handler.handle(decoded).flatMap(EventRouter::reply);
    }

    /**
     * Like {@link #handle}, for the in-process path: the handler's {@link UserEventHandler#handleAsync}, whose reply
     * may complete later (after a commit). A failure of the handler itself surfaces as the future's exception.
     */
    CompletableFuture<Optional<String>> handleAsync(WebhookEvent.User event) {
        UserEventHandler handler = byName.get(event.name());
        if (handler == null) {
            return CompletableFuture.completedFuture(unknown(event.name()));
        }
        UserEvent decoded;
        try {
            decoded = UserEvent.decode(event);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(reply(handler.refused(event.name(), Failures.describe(e))));
        }
        return handler.handleAsync(decoded).thenApply(reply -> reply.flatMap(EventRouter::reply));
    }

    private static Optional<String> unknown(String name) {
        return reply(new EventError(name, ErrorBody.of(ErrorKind.INVALID, "no such event: " + name, "event")));
    }

    private static Optional<String> reply(Object message) {
        return Optional.of(WireJson.write(message));
    }
}
