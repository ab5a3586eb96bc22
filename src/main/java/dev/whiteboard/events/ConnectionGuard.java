package dev.whiteboard.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Binds events to the connections the app saw connect. {@code ce-signature} covers only the connection id, so a
 * captured signature would otherwise let anyone post any event as any user for that connection. Hence:
 * <ul>
 *   <li>{@code connect} is refused for a connection id already recorded with another user or hub, or already ended
 *       (a forged connect cannot bring an ended connection back or change its user); once accepted, the connection
 *       is recorded with its user ({@link ConnectionStore}, in the database: Azure's connections outlive a restart of
 *       the app, and any node of several may receive the next event);
 *   <li>{@code connected}, {@code disconnected} and user events are taken only for a recorded, open connection and
 *       only with the user it connected as ({@code ce-userId}); {@code disconnected} ends the record;
 *   <li>a {@code ce-id} already used by the connection within {@link #WINDOW} is refused (a replay). The window is
 *       in memory, per connection, at most {@value #MAX_IDS} ids (oldest forgotten first), per app node.
 * </ul>
 * A record read from the database is trusted for {@link #RECHECK} before it is read again, so a user event costs a
 * map look-up, not a database round trip, while an end seen by another node is noticed within that time. While the
 * database is out of reach, a record read before still stands (so a board event gets its usual "retry" reply rather
 * than an error status); a connection not read before is answered 503.
 */
@ApplicationScoped
public class ConnectionGuard {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration RECHECK = Duration.ofSeconds(30);
    static final int MAX_IDS = 1024;
    /** Records older than this are pruned (an ended one kept that long stops a forged connect with its id). */
    static final Duration KEPT = Duration.ofDays(7);

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());

    @Inject
    ConnectionStore store;

    /** An open connection as last read from the database, and when. */
    private record Live(String hub, String user, long checkedAt) {}

    private final ConcurrentMap<String, Live> live = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RecentIds> recent = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());
    private final AtomicLong nextPrune = new AtomicLong(System.nanoTime());

    /**
     * Checks the event before it is handled and takes its id; refused with {@link RefusedCallException}. An event
     * that then fails (5xx, which the service retries with the same id) gives its id back with {@link #release}.
     */
    void admit(WebhookEvent event) {
        long now = System.nanoTime();
        sweep(now);
        String user = event.userId().orElse("");
        if (event instanceof WebhookEvent.Connect) {
            store.find(event.connectionId()).ifPresent(known -> {
                if (known.ended()) {
                    throw RefusedCallException.forbidden(
                            "the connection " + event.connectionId() + " has ended", "ce-connectionId");
                }
                if (!known.user().equals(user) || !known.hub().equalsIgnoreCase(event.hub())) {
                    throw RefusedCallException.forbidden(
                            "the connection " + event.connectionId() + " connected as another user", "ce-userId");
                }
            });
        } else {
            Live known = open(event.connectionId(), now);
            if (!known.user().equals(user) || !known.hub().equalsIgnoreCase(event.hub())) {
                throw RefusedCallException.forbidden(
                        "ce-userId is not the user the connection connected as", "ce-userId");
            }
        }
        if (!recent.computeIfAbsent(event.connectionId(), c -> new RecentIds(WINDOW.toNanos(), MAX_IDS))
                .take(event.eventId(), now)) {
            throw RefusedCallException.forbidden(
                    "the event id " + event.eventId() + " of this connection was already used", "ce-id");
        }
    }

    /** Gives the event's id back: its handling failed and the service may send it again. */
    void release(WebhookEvent event) {
        RecentIds ids = recent.get(event.connectionId());
        if (ids != null) {
            ids.release(event.eventId());
        }
    }

    /** The connect was accepted: the connection is recorded with its user. */
    void accepted(WebhookEvent.Connect event) {
        store.record(
                event.connectionId(),
                event.hub().toLowerCase(Locale.ROOT),
                event.userId().orElse(""));
        live.put(event.connectionId(), new Live(event.hub(), event.userId().orElse(""), System.nanoTime()));
        prune();
    }

    /** The connection ended: no more events are taken for it. */
    void ended(WebhookEvent.Disconnected event) {
        store.end(event.connectionId());
        live.remove(event.connectionId());
    }

    private Live open(String connectionId, long now) {
        Live known = live.get(connectionId);
        if (known != null && now - known.checkedAt() < RECHECK.toNanos()) {
            return known;
        }
        Optional<ConnectionStore.Known> row;
        try {
            row = store.find(connectionId);
        } catch (RuntimeException e) {
            if (known == null) {
                throw e; // nothing to go by: the service retries, or the client sends again (503)
            }
            // the database is out of reach: the record read before still stands (the event's own handling says
            // whether it can be done without the database), and the database is asked again after RECHECK
            LOG.log(Level.FINE, "Could not re-read the record of connection {0}: {1}", new Object[] {
                connectionId, e.toString()
            });
            Live stale = new Live(known.hub(), known.user(), now);
            live.put(connectionId, stale);
            return stale;
        }
        if (row.isEmpty() || row.get().ended()) {
            live.remove(connectionId);
            throw RefusedCallException.forbidden(
                    "the connection " + connectionId + (row.isEmpty() ? " did not connect to this app" : " has ended"),
                    "ce-connectionId");
        }
        Live fresh = new Live(row.get().hub(), row.get().user(), now);
        live.put(connectionId, fresh);
        return fresh;
    }

    /** Forgets, at most once a minute, what was not used within the window (connections that went quiet or ended). */
    private void sweep(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY.toNanos())) {
            return;
        }
        live.values().removeIf(l -> now - l.checkedAt() > WINDOW.toNanos());
        recent.values().removeIf(r -> now - r.lastUsed() > WINDOW.toNanos());
    }

    /** Removes old records, at most once an hour, on a connect. */
    private void prune() {
        long now = System.nanoTime();
        long due = nextPrune.get();
        if (now - due < 0 || !nextPrune.compareAndSet(due, now + PRUNE_EVERY.toNanos())) {
            return;
        }
        try {
            int pruned = store.prune(ConnectionStore.now().minus(KEPT));
            if (pruned > 0) {
                LOG.log(Level.INFO, "Pruned {0} webhook connection records older than {1}", new Object[] {pruned, KEPT
                });
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not prune the webhook connection records: {0}", e.toString());
        }
    }
}
