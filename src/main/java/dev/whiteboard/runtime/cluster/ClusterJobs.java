package dev.whiteboard.runtime.cluster;

import io.lettuce.core.SetArgs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where it is decided which periodic work runs once per cluster: work on the shared database (history checkpoints and
 * retention, the trash purge, the asset cleanup) is wrapped in {@link #oncePerCluster}, work on what a node holds
 * itself (the hub's connection sweeps, the re-check of its own presence rows, the heartbeat) is not, and runs on every
 * node.
 *
 * <p>On a single node the work simply runs. On a cluster each run first takes the job's lease in Redis
 * ({@code SET <prefix>:job:<name> <node> NX PX}), held for nine tenths of the job's period and never released: every
 * node still ticks, but in each period only the first to tick runs it, and when that node dies the lease lapses and
 * another node's next tick runs it. The work itself stays safe to run twice at once (each piece under its board's
 * lock): so while Redis cannot be reached each node runs it by itself (said once in the log), which only costs
 * duplicate work.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());

    @Inject
    ClusterNode cluster;

    private final AtomicBoolean fellBack = new AtomicBoolean();

    /** {@code work}, which runs every {@code everySeconds} on each node, made to run once per period in a cluster. */
    public Runnable oncePerCluster(String job, long everySeconds, Runnable work) {
        return () -> {
            if (lease(job, Math.max(1, everySeconds) * 900)) {
                work.run();
            }
        };
    }

    /** Whether this node runs the job now: always on a single node or without Redis, else if it took the lease. */
    boolean lease(String job, long holdMillis) {
        if (!cluster.enabled()) {
            return true;
        }
        try {
            String taken = cluster.blocking()
                    .orElseThrow(
                            () -> new IllegalStateException(cluster.problem().orElse("not connected")))
                    .set(
                            cluster.key("job", job),
                            cluster.nodeId(),
                            SetArgs.Builder.nx().px(holdMillis));
            if (fellBack.compareAndSet(true, false)) {
                LOG.log(Level.INFO, "Periodic jobs run once per cluster again");
            }
            return "OK".equals(taken);
        } catch (RuntimeException e) {
            if (fellBack.compareAndSet(false, true)) {
                LOG.log(
                        Level.WARNING,
                        "Redis cannot be reached to run periodic jobs once per cluster ({0}): each node runs them"
                                + " until it is back",
                        e.getMessage());
            }
            return true;
        }
    }
}
