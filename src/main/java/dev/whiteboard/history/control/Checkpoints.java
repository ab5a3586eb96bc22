package dev.whiteboard.history.control;

import dev.whiteboard.boards.control.BoardNotFoundException;
import dev.whiteboard.history.entity.BoardVersion;
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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The automatic side of the version history, checked every {@code whiteboard.history.check-seconds} (60 by default;
 * 0 = never): a checkpoint of each board whose shapes changed for {@code whiteboard.history.checkpoint-every} ({@code
 * PT10M}, ISO-8601) since its last version, and of each board that changed since and that everybody left (nobody
 * connected, and no change for {@code whiteboard.history.left-after}, {@code PT1M}); then automatic versions older
 * than {@code whiteboard.history.retention} ({@code P90D}) are deleted, and the shape history before the oldest version each board keeps is pruned to the rows it needs. Periodic
 * work as the rest of the app does it ({@link Periodic}); each board in a transaction of its own, under its lock,
 * checking again that a checkpoint is due, so several app instances may check at once without taking two.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());
    static final int BATCH = 200;
    private static final int FIRST_CHECK_SECONDS = 30;

    @Inject
    HistoryMaintenance maintenance;

    @Inject
    History history;

    @Inject
    @ConfigProperty(name = "whiteboard.history.check-seconds", defaultValue = "60")
    int checkSeconds;

    @Inject
    @ConfigProperty(name = "whiteboard.history.checkpoint-every", defaultValue = "PT10M")
    String checkpointEvery;

    @Inject
    @ConfigProperty(name = "whiteboard.history.left-after", defaultValue = "PT1M")
    String leftAfter;

    @Inject
    @ConfigProperty(name = "whiteboard.history.retention", defaultValue = "P90D")
    String retention;

    @Inject
    ClusterJobs jobs;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final Periodic checks = new Periodic();

    void onStart(@Observes Startup startup) {
        Duration every = positive("whiteboard.history.checkpoint-every", checkpointEvery);
        Duration left = positive("whiteboard.history.left-after", leftAfter);
        Duration keep = positive("whiteboard.history.retention", retention);
        if (checkSeconds > 0) {
            LOG.log(
                    Level.INFO,
                    "Boards get a checkpoint every {0} of changes and {1} after everybody left; automatic versions"
                            + " are kept {2} (checked every {3} s)",
                    new Object[] {every, left, keep, checkSeconds});
            checks.start(
                    threads,
                    executor,
                    Math.min(checkSeconds, FIRST_CHECK_SECONDS),
                    checkSeconds,
                    "take checkpoints and prune the version history",
                    jobs.oncePerCluster(
                            "history",
                            checkSeconds,
                            () -> check(OffsetDateTime.now(ZoneOffset.UTC), every, left, keep)));
        }
    }

    /** A setting that is an ISO-8601 duration ({@code PT10M}, {@code P90D}) above zero; refused at start-up if not. */
    static Duration positive(String name, String value) {
        Duration duration;
        try {
            duration = Duration.parse(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    name + " must be an ISO-8601 duration such as PT10M or P90D, not " + value);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero, not " + value);
        }
        return duration;
    }

    @PreDestroy
    void stop() {
        checks.stop();
    }

    /** One check at {@code now}: the checkpoints due, then the retention. */
    void check(OffsetDateTime now, Duration every, Duration left, Duration keep) {
        int taken = takeDue(now, every, left);
        int pruned = prune(now.minus(keep), Duration.ofSeconds(Math.max(checkSeconds, 1)));
        if (taken + pruned > 0) {
            LOG.log(Level.FINE, "History: {0} checkpoints taken, {1} versions pruned", new Object[] {taken, pruned});
        }
    }

    /** Takes the checkpoints due at {@code now}; how many it took. */
    int takeDue(OffsetDateTime now, Duration every, Duration left) {
        int taken = 0;
        for (String board : maintenance.everybodyLeft(now.minus(left), BATCH)) {
            taken += take(board, BoardVersion.Reason.LEFT);
        }
        for (String board : maintenance.changedFor(now.minus(every), BATCH)) {
            taken += take(board, BoardVersion.Reason.TIMER);
        }
        return taken;
    }

    private int take(String boardId, BoardVersion.Reason reason) {
        try {
            return history.checkpoint(boardId, reason, maintenance.lastChangedBy(boardId))
                    .map(v -> 1)
                    .orElse(0);
        } catch (BoardNotFoundException e) {
            return 0; // purged meanwhile
        }
    }

    /**
     * Deletes the automatic versions taken before {@code cutoff} and prunes the shape history of the boards whose
     * changes crossed the cutoff since the last check (and a day before that, for a check missed while the app was
     * down: pruning twice changes nothing); how many versions it deleted.
     */
    int prune(OffsetDateTime cutoff, Duration every) {
        int deleted = 0;
        for (String board : maintenance.withExpiredVersions(cutoff, BATCH)) {
            deleted += maintenance.deleteExpiredVersions(board, cutoff);
            maintenance.pruneShapes(board, cutoff);
            maintenance.forgetUnnamedBackgrounds(board);
        }
        for (String board : maintenance.changedBetween(cutoff.minus(every).minusDays(1), cutoff, BATCH)) {
            maintenance.pruneShapes(board, cutoff);
        }
        return deleted;
    }
}
