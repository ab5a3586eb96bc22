package dev.whiteboard.presence;

import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.database.SchemaMigrations;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.events.EventError;
import dev.whiteboard.events.UserEvent;
import dev.whiteboard.events.UserEventHandler;
import dev.whiteboard.events.WebhookEvent;
import dev.whiteboard.realtime.RealtimeService;
import dev.whiteboard.runtime.cluster.ClusterNode;
import dev.whiteboard.runtime.cluster.NodeLost;
import dev.whiteboard.wire.WireJson;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Presence on the real-time channel: {@code connected}/{@code disconnected} from the webhook and the client's
 * {@code presence} event ({@code {"board":"…","state":"away"}}) update {@link Presence}; every change is announced to
 * the board's group as {@link PresenceMessage} after it is stored.
 */
@ApplicationScoped
public class PresenceEvents implements UserEventHandler {

    static final String PRESENCE = "presence";
    private static final Logger LOG = Logger.getLogger(PresenceEvents.class.getName());

    @Inject
    Presence presence;

    @Inject
    RealtimeService realtime;

    @Inject
    ClusterNode cluster;

    /** {@code {"type":"presence","board":"…","people":[…],"joined":"alice"}} ({@code joined}/{@code left} when someone did). */
    public record PresenceMessage(
            String type, String board, List<Presence.Person> people, String joined, String left) {}

    /** The client's report: {@code active} or {@code away}. */
    public record StateReport(String board, String state) {}

    /**
     * The built-in hub's connections ended with the last run of the app: nobody is on any board yet. In a cluster
     * only this node's rows and those of nodes that are gone are forgotten: the other live nodes' connections are
     * still there (when Redis cannot be asked, only this node's own rows go; a lost node's rows go when a survivor
     * notices it, {@link #nodeLost}).
     */
    void forgetOldConnections(@Observes @Priority(SchemaMigrations.FIRST + 1) Startup startup) {
        if (!realtime.builtIn()) {
            return;
        }
        if (!cluster.enabled()) {
            log(presence.forgetAll());
            return;
        }
        List<String> left;
        try {
            left = presence.leftByDeadNodes(cluster.liveNodes());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Cannot ask Redis which nodes are alive ({0}): forgetting only the rows of node {1}",
                    new Object[] {e.getMessage(), cluster.nodeId()});
            left = presence.heldBy(cluster.nodeId());
        }
        log(presence.forget(left));
    }

    private static void log(int forgotten) {
        if (forgotten > 0) {
            LOG.log(Level.INFO, "Forgot {0} connections of the previous run", forgotten);
        }
    }

    /**
     * Another node was lost (killed, cut off): its connections have ended, so their people leave their boards now, and
     * everyone still there is told. The hub reports them {@code disconnected} too; whichever comes second finds
     * nothing left to do.
     */
    void nodeLost(@Observes NodeLost lost) {
        if (!realtime.builtIn()) {
            return;
        }
        List<String> held = presence.heldBy(lost.nodeId());
        for (String connectionId : held) {
            try {
                presence.disconnected(connectionId).ifPresent(this::announce);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not drop connection {0} of the lost node {1}: {2}", new Object[] {
                    connectionId, lost.nodeId(), e.toString()
                });
            }
        }
        if (!held.isEmpty()) {
            LOG.log(Level.INFO, "{0} connections of the lost node {1} left their boards", new Object[] {
                held.size(), lost.nodeId()
            });
        }
    }

    void connected(@Observes WebhookEvent.Connected event) {
        presence.connected(event.connectionId()).ifPresent(this::announce);
    }

    void disconnected(@Observes WebhookEvent.Disconnected event) {
        presence.disconnected(event.connectionId()).ifPresent(this::announce);
    }

    @Override
    public Set<String> events() {
        return Set.of(PRESENCE);
    }

    @Override
    public Optional<Object> handle(UserEvent event) {
        try {
            StateReport report = event.bind(StateReport.class);
            if (!("away".equals(report.state()) || "active".equals(report.state()))) {
                throw new InvalidInputException("state", "state is active or away");
            }
            presence.state(event.connectionId(), event.userId().orElse(""), "away".equals(report.state()))
                    .ifPresent(this::announce);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(new EventError(PRESENCE, Failures.describe(e)));
        }
    }

    void announce(Presence.Change change) {
        if (change.boardId() == null) {
            return;
        }
        realtime.publish(
                BoardGroup.of(change.boardId()),
                WireJson.write(new PresenceMessage(
                        "presence", change.boardId(), change.people(), change.joined(), change.left())));
    }
}
