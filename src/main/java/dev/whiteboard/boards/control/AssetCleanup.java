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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes image assets nobody uses: uploaded more than {@code whiteboard.assets.grace-seconds} ago (86,400, a day, by
 * default) and shown by no live shape of their board nor by a shape removed within that time (so undoing the removal
 * of the last shape that showed an image still finds it), checking every {@code whiteboard.assets.check-seconds}
 * (3,600 by default; 0 = never). Periodic work as {@link TrashPurge} does it: {@link Periodic} starts each check on the
 * managed executor, and each asset is deleted in a transaction of its own after checking again under its board's lock
 * that it is still unused.
 */
@ApplicationScoped
public class AssetCleanup {

    private static final Logger LOG = Logger.getLogger(AssetCleanup.class.getName());
    private static final int BATCH = 100;
    private static final int FIRST_CHECK_SECONDS = 60;

    @Inject
    AssetStore assets;

    @Inject
    @ConfigProperty(name = "whiteboard.assets.grace-seconds", defaultValue = "86400")
    long graceSeconds;

    @Inject
    @ConfigProperty(name = "whiteboard.assets.check-seconds", defaultValue = "3600")
    int checkSeconds;

    @Inject
    ClusterJobs jobs;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final Periodic checks = new Periodic();

    void onStart(@Observes Startup startup) {
        Duration grace = grace(graceSeconds);
        if (checkSeconds > 0) {
            LOG.log(
                    Level.INFO,
                    "Unused image assets are deleted {0} s after their last use (checked every {1} s)",
                    new Object[] {grace.toSeconds(), checkSeconds});
            checks.start(
                    threads,
                    executor,
                    Math.min(checkSeconds, FIRST_CHECK_SECONDS),
                    checkSeconds,
                    "delete unused image assets",
                    jobs.oncePerCluster(
                            "asset-cleanup",
                            checkSeconds,
                            () -> deleteUnused(
                                    OffsetDateTime.now(ZoneOffset.UTC).minus(grace(graceSeconds)))));
        }
    }

    @PreDestroy
    void stop() {
        checks.stop();
    }

    /** How long an unused asset is kept, from the setting; a negative number is refused at start-up. */
    static Duration grace(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("whiteboard.assets.grace-seconds must be 0 or more, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** Deletes the assets unused since {@code cutoff}, a batch at a time; returns how many it deleted. */
    int deleteUnused(OffsetDateTime cutoff) {
        int deleted = 0;
        List<Object[]> due;
        do {
            due = assets.unusedSince(cutoff, BATCH);
            int before = deleted;
            for (Object[] row : due) {
                if (assets.deleteIfUnused((String) row[0], (String) row[1], cutoff)) {
                    deleted++;
                }
            }
            if (deleted == before) {
                break; // nothing more could be deleted now (used again meanwhile, or others got there first)
            }
        } while (due.size() == BATCH);
        if (deleted > 0) {
            LOG.log(Level.INFO, "Deleted {0} unused image assets", deleted);
        }
        return deleted;
    }
}
