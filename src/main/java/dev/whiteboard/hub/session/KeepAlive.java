package dev.whiteboard.hub.session;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.HubTimer;
import dev.whiteboard.hub.delivery.Fanout;
import dev.whiteboard.hub.socket.CloseCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pings every client at the keep-alive interval (20 s by default, like the service) and closes the
 * connections not heard from (no bytes at all: no frame, no part of one, no pong) for two intervals, so that a client
 * that vanished without a close frame is gone within two intervals (a reliable one then has 30 s to recover). Silence
 * is only held against a client while the hub reads freely: when the fan-out pushed back on senders within the last
 * two intervals, the hub itself left sockets unread, and nobody is judged silent; likewise after a sweep that ran late
 * (the whole server stood still: a long GC pause, a starved CPU). Also ends the reliable connections
 * whose client did not come back.
 *
 * <p>The sweeps run on the {@link HubTimer}. A sweep that fails for any reason is logged and the next one runs as
 * planned.
 */
@ApplicationScoped
public class KeepAlive {

    @Inject
    Hub hub;

    @Inject
    HubSettings settings;

    @Inject
    ClientSessions sessions;

    @Inject
    Fanout fanout;

    private static final Logger LOG = Logger.getLogger(KeepAlive.class.getName());

    /** When the previous sweep ran, and when the last one found the server had stood still (sweeps are serial). */
    private Instant lastSweep;

    private Instant stalledAt = Instant.MIN;

    @Inject
    HubTimer timer;

    void onStart(@Observes Startup startup) {
        if (settings.enabled()) {
            long interval = settings.keepAlive().toMillis();
            timer.executor().scheduleAtFixedRate(this::sweepLogged, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Keep-alive sweep failed; the next one runs as planned", e);
        }
    }

    void sweep() {
        Duration interval = settings.keepAlive();
        Instant now = Instant.now();
        if (lastSweep != null && Duration.between(lastSweep, now).compareTo(interval.multipliedBy(2)) > 0) {
            stalledAt = now; // a whole interval late: the server stood still (a long GC pause, a starved CPU)
        }
        lastSweep = now;
        Instant silentSince = now.minus(interval.multipliedBy(2));
        // while the fan-out holds senders back, their sockets (and on WildFly others on the same I/O thread) are
        // not read, and while the server stood still nothing was: a silence the hub caused is no sign of a vanished
        // client
        boolean hubHeldBackReading =
                fanout.pushedBackWithin(interval.multipliedBy(2)) || !stalledAt.isBefore(silentSince);
        for (HubConnection connection : hub.all()) {
            if (connection.detachedAt().isPresent()) {
                continue;
            }
            if (connection.lastSeen().isBefore(silentSince) && !hubHeldBackReading) {
                if (connection.kind() == HubConnection.Kind.RELIABLE) {
                    connection.abandonSocket("no answer to keep-alive pings");
                } else {
                    connection.drop(CloseCode.GOING_AWAY, "no answer to keep-alive pings");
                    sessions.closed(connection, "no answer to keep-alive pings");
                }
            } else {
                connection.ping();
            }
        }
        sessions.expireDetached();
    }
}
