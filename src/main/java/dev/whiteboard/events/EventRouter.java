package dev.whiteboard.events;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dispatches a verified event to the feature that handles it: {@code connect} to the {@link ConnectPolicy};
 * {@code connected} and {@code disconnected} as CDI events (presence observes them); user events to the
 * {@link UserEventHandler} that names them.
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

    /** The handler's reply; empty when no handler takes the event. */
    Optional<UserEventHandler> handlerOf(WebhookEvent.User event) {
        return Optional.ofNullable(byName.get(event.name()));
    }
}
