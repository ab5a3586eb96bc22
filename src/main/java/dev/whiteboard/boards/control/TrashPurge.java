package dev.whiteboard.boards.control;

import dev.whiteboard.runtime.Periodic;
import dev.whiteboard.runtime.cluster.ClusterJobs;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges boards that have been in the trash for {@code whiteboard.boards.trash-days} days (30 by default; 0 purges
 * them at the next check), checking every {@code whiteboard.boards.trash-check-seconds} (3,600 by default; 0 = never).
 * As the other periodic work of the app: a plain scheduled thread of the server's managed thread factory only starts
 * each check (a periodic task of the managed scheduled executor that fails once never runs again, and WildFly fails
 * them while it is still suspended at boot), and the check runs on the managed executor. Each board is purged in a
 * transaction of its own, after checking again under its lock that it is still in the trash (a board restored
 * meanwhile stays); several app instances may check at once.
 */
@ApplicationScoped
public class TrashPurge {

    private static final Logger LOG = Logger.getLogger(TrashPurge.class.getName());
    private static final int BATCH = 100;
    private static final int FIRST_CHECK_SECONDS = 60;

    @Inject
    BoardStore store;

    @Inject
    @ConfigProperty(name = "whiteboard.boards.trash-days", defaultValue = "30")
    int trashDays;

    @Inject
    @ConfigProperty(name = "whiteboard.boards.trash-check-seconds", defaultValue = "3600")
    int checkSeconds;

    @Inject
    ClusterJobs jobs;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final Periodic checks = new Periodic();

    /** The periodic check ({@link Periodic}: the purge itself runs on the managed executor). */
    void onStart(@Observes Startup startup) {
        Duration keep = keep(trashDays);
        if (checkSeconds > 0) {
            LOG.log(
                    Level.INFO,
                    "Boards are purged {0} days after they went to the trash (checked every {1} s)",
                    new Object[] {keep.toDays(), checkSeconds});
            checks.start(
                    threads,
                    executor,
                    Math.min(checkSeconds, FIRST_CHECK_SECONDS),
                    checkSeconds,
                    "purge the trash",
                    jobs.oncePerCluster(
                            "trash-purge",
                            checkSeconds,
                            () -> purgeExpired(cutoff(Clock.systemUTC(), keep(trashDays)))));
        }
    }

    @PreDestroy
    void stop() {
        checks.stop();
    }

    /** How long a board stays in the trash, from the setting; a negative number of days is refused at start-up. */
    static Duration keep(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("whiteboard.boards.trash-days must be 0 or more, not " + days);
        }
        return Duration.ofDays(days);
    }

    /** Boards that went to the trash before this moment are purged now. */
    static OffsetDateTime cutoff(Clock clock, Duration keep) {
        return OffsetDateTime.now(clock).minus(keep);
    }

    /** Purges the boards trashed before {@code cutoff}, a batch at a time; returns how many it purged. */
    int purgeExpired(OffsetDateTime cutoff) {
        int purged = 0;
        List<String> due;
        do {
            due = store.trashedBefore(cutoff, BATCH);
            int before = purged;
            for (String boardId : due) {
                if (store.purgeIfTrashedBefore(boardId, cutoff)) {
                    purged++;
                    LOG.log(Level.INFO, "Purged board {0} from the trash", boardId);
                }
            }
            if (purged == before) {
                break; // nothing more could be purged now (others got there first, or restored them)
            }
        } while (due.size() == BATCH);
        return purged;
    }
}
