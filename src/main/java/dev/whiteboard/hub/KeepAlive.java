package dev.whiteboard.hub;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Pings every client at the keep-alive interval (20 s by default, like the service) and closes the
 * connections not heard from (no frame, no pong) for two intervals, so that a client that vanished without a
 * close frame is gone within two intervals (a reliable one then has 30 s to recover). Also ends the reliable
 * connections whose client did not come back.
 */
@ApplicationScoped
public class KeepAlive {

    @Inject
    Hub hub;

    @Inject
    HubSettings settings;

    @Inject
    ClientSessions sessions;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void onStart(@Observes Startup startup) {
        if (settings.enabled()) {
            long interval = settings.keepAlive().toMillis();
            task = scheduler.scheduleAtFixedRate(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void sweep() {
        Duration interval = settings.keepAlive();
        Instant silentSince = Instant.now().minus(interval.multipliedBy(2));
        for (HubConnection connection : hub.all()) {
            if (connection.detachedAt().isPresent()) {
                continue;
            }
            if (connection.lastSeen().isBefore(silentSince)) {
                if (connection.kind() == HubConnection.Kind.RELIABLE) {
                    connection.abandonSocket("no answer to keep-alive pings");
                    connection.detach();
                } else {
                    connection.drop(CloseCodes.GOING_AWAY, "no answer to keep-alive pings");
                    sessions.closed(connection, "no answer to keep-alive pings");
                }
            } else {
                connection.ping();
            }
        }
        sessions.expireDetached();
    }
}
