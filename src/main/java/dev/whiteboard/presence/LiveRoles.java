package dev.whiteboard.presence;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.control.BoardPurged;
import dev.whiteboard.boards.control.BoardTrashed;
import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.realtime.RealtimeService;
import dev.whiteboard.runtime.Periodic;
import dev.whiteboard.security.accounts.Accounts;
import dev.whiteboard.security.oidc.CallerGroups;
import dev.whiteboard.wire.WireJson;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps open connections to boards in step with the roles their users have now, so that revoking a role reaches a
 * connection that is already open, not only the next one. A connection holds the role it was admitted with
 * (recorded in {@link Presence}); when the role changes the connection is re-evaluated: no role left → the service
 * closes it with {@value #REVOKED} (it cannot be recovered with its reconnection token) and presence drops it at
 * once; lowered to viewer → its {@code sendToGroup} permission on the board's group is revoked (live strokes are
 * refused with a {@code Forbidden} ack; it still receives); raised to editor or owner → the permission is granted.
 * Either way the user is sent {@code {"type":"roleChanged","board":…,"role":…}}, so the page follows at once.
 *
 * <p>A board moved to the trash is the same case for everyone on it: nobody has a role on a board in the trash, so
 * its connections are closed, with the reason {@value #TRASHED}.
 *
 * <p>When: at once after a board's grants change (to a user or a group: every connection to that board), at once
 * after the identity provider reports other groups for a user (every connection of that user), and in a periodic
 * sweep of every connection to a board ({@code whiteboard.realtime.role-check-seconds}, 60 by default, 0 = off)
 * that catches what the others cannot see: a group change or a grant recorded by another app instance, a board
 * made private by a new default role while an Azure service kept its connections over the app's restart, a
 * connection that was being admitted while its role changed. A sweep acts only where the role differs from the
 * recorded one. Work runs on the managed executor, one re-check at a time per instance, so two quick changes of the
 * same role are carried out in the order they were decided; the calls to the service are queued per connection by
 * {@link RealtimeService}.
 */
@ApplicationScoped
public class LiveRoles {

    static final String REVOKED = "your access to this board was revoked";
    static final String TRASHED = "this board was moved to the trash";
    static final String DISABLED = "your account was disabled";
    private static final int FIRST_SWEEP_SECONDS = 15;
    private static final Logger LOG = Logger.getLogger(LiveRoles.class.getName());

    @Inject
    Presence presence;

    @Inject
    PresenceEvents events;

    @Inject
    BoardAccess access;

    @Inject
    RealtimeService realtime;

    @Inject
    @ConfigProperty(name = "whiteboard.realtime.role-check-seconds", defaultValue = "60")
    int checkSeconds;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final Periodic sweeps = new Periodic();

    void grantsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardAccess.GrantsChanged changed) {
        later("board " + changed.boardId(), () -> presence.liveOn(changed.boardId()));
    }

    /** A board moved to the trash: nobody has a role on it now, so each of its connections is closed, saying why. */
    void boardTrashed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardTrashed trashed) {
        later("board " + trashed.boardId(), () -> presence.liveOn(trashed.boardId()), TRASHED);
    }

    /**
     * A board is being purged (inside that transaction, before its rows go): connections still recorded on it (one
     * that was opening when the board went to the trash) are closed too; nobody has a role on it either way.
     */
    void boardPurged(@Observes BoardPurged purged) {
        List<Presence.Live> open = presence.liveOn(purged.boardId());
        if (!open.isEmpty()) {
            later("board " + purged.boardId(), () -> open, TRASHED);
        }
    }

    /** An account disabled: it has no role anywhere now, so each of its connections is closed, saying why. */
    void accountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) Accounts.AccountChanged changed) {
        if (changed.disabled()) {
            later("user " + changed.name(), () -> presence.liveOf(changed.name()), DISABLED);
        }
    }

    void groupsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallerGroups.GroupsChanged changed) {
        later("user " + changed.user(), () -> presence.liveOf(changed.user()));
    }

    /** The periodic sweep ({@link Periodic}: the sweep itself runs on the managed executor). */
    void onStart(@Observes Startup startup) {
        if (checkSeconds > 0) {
            // the first sweep soon after a start: an Azure service keeps connections over the app's restart, and a
            // new default role (boards made private) must reach them
            sweeps.start(
                    threads,
                    Math.min(checkSeconds, FIRST_SWEEP_SECONDS),
                    checkSeconds,
                    () -> later("every board", presence::liveOnBoards));
        }
    }

    @PreDestroy
    void stop() {
        sweeps.stop();
    }

    private void later(String what, Supplier<List<Presence.Live>> connections) {
        later(what, connections, REVOKED);
    }

    private void later(String what, Supplier<List<Presence.Live>> connections, String reason) {
        try {
            executor.execute(() -> {
                try {
                    recheck(connections.get(), reason);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not re-check the open connections of {0}: {1}", new Object[] {
                        what, e.toString()
                    });
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start re-checking the open connections of {0}: {1}", new Object[] {
                what, e.toString()
            });
        }
    }

    /**
     * Re-evaluates each connection against the role its user has on its board now; one that cannot be judged (its
     * board's rows unreadable, the service unreachable) is logged and the others are still judged.
     */
    synchronized void recheck(List<Presence.Live> connections, String reason) {
        for (Presence.Live live : connections) {
            try {
                Optional<BoardRole> now = access.role(live.boardId(), live.user());
                if (now.isEmpty()) {
                    revoke(live, reason);
                } else if (!now.equals(live.role())) {
                    change(live, now.get());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not re-check connection {0} of {1} on board {2}: {3}", new Object[] {
                    live.connectionId(), live.user(), live.boardId(), e.toString()
                });
            }
        }
    }

    private void revoke(Presence.Live live, String reason) {
        LOG.log(Level.INFO, "Closing connection {0} of {1}: no role on board {2} any more", new Object[] {
            live.connectionId(), live.user(), live.boardId()
        });
        realtime.closeConnection(live.connectionId(), reason);
        if (live.open()) {
            presence.disconnected(live.connectionId()).ifPresent(events::announce);
        }
        // a connection still opening may not be known to the service yet: its row stays, so the next sweep closes
        // it again once it is open (its disconnected event removes the row)
    }

    private void change(Presence.Live live, BoardRole role) {
        boolean mayDraw = role.includes(BoardRole.EDITOR);
        boolean mightHaveDrawn =
                live.role().map(r -> r.includes(BoardRole.EDITOR)).orElse(!mayDraw);
        if (presence.roleNow(live.connectionId(), role)) {
            if (mayDraw != mightHaveDrawn) {
                LOG.log(Level.INFO, "Connection {0} of {1} on board {2} is {3} now", new Object[] {
                    live.connectionId(), live.user(), live.boardId(), role.wireName()
                });
                realtime.allowSendToGroup(live.connectionId(), BoardGroup.of(live.boardId()), mayDraw);
            }
            // the page shows what its user may do now (its tools, its badge) without being reloaded
            realtime.sendToUser(live.user(), WireJson.write(new RoleChanged(live.boardId(), role.wireName())));
        }
    }

    /** To a user whose role on a board changed: {@code {"type":"roleChanged","board":"…","role":"editor"}}. */
    public record RoleChanged(String type, String board, String role) {
        RoleChanged(String board, String role) {
            this("roleChanged", board, role);
        }
    }
}
