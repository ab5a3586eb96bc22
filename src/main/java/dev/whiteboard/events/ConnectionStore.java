package dev.whiteboard.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@link WebhookConnection} rows; each method is one transaction. */
@ApplicationScoped
@Transactional
public class ConnectionStore {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    /** A connection as recorded: hub, user ({@code ""} for none), and whether it ended. */
    record Known(String hub, String user, boolean ended) {}

    public Optional<Known> find(String connectionId) {
        WebhookConnection row = em.find(WebhookConnection.class, connectionId);
        return Optional.ofNullable(row).map(r -> new Known(r.hub(), r.user(), r.ended()));
    }

    /** Records an accepted connection; an existing row (a repeated connect of the same user) is left as it is. */
    public void record(String connectionId, String hub, String user) {
        if (em.find(WebhookConnection.class, connectionId) == null) {
            em.persist(new WebhookConnection(connectionId, hub, user, now()));
        }
    }

    /** Marks the connection ended; the row stays until it is pruned. */
    public void end(String connectionId) {
        WebhookConnection row = em.find(WebhookConnection.class, connectionId);
        if (row != null && !row.ended()) {
            row.end(now());
        }
    }

    /** Removes the rows of connections older than {@code before} that ended before it or never said they did. */
    public int prune(OffsetDateTime before) {
        return em.createNamedQuery(WebhookConnection.PRUNE)
                .setParameter("before", before)
                .executeUpdate();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
