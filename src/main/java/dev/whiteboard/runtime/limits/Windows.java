package dev.whiteboard.runtime.limits;

import dev.whiteboard.runtime.cluster.ClusterNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's {@link SlidingWindows} (chat rate limits, typing throttles), chosen once at start-up: in this node's
 * memory on a single node, in Redis when the node is one of a cluster ({@link ClusterNode#enabled()}), so that a limit
 * holds for a person whatever nodes their requests reach. While Redis cannot be reached the node counts by itself
 * (fails open to its own limit, not a 500), says so once in the log, and says so again once Redis counts again.
 */
@ApplicationScoped
public class Windows implements SlidingWindows {

    private static final Logger LOG = Logger.getLogger(Windows.class.getName());

    @Inject
    ClusterNode cluster;

    private final LocalWindows local = new LocalWindows();
    private final AtomicBoolean fellBack = new AtomicBoolean();
    private RedisWindows shared;

    /** Windows in memory only, as on a single node (for unit tests of what uses them). */
    public static Windows inMemory() {
        return new Windows();
    }

    @PostConstruct
    void choose() {
        shared = cluster.enabled() ? new RedisWindows(cluster) : null;
    }

    @Override
    public Optional<Duration> take(String key, int max, Duration window) {
        if (shared == null) {
            return local.take(key, max, window);
        }
        if (cluster.up()) {
            try {
                Optional<Duration> answer = shared.take(key, max, window);
                if (fellBack.compareAndSet(true, false)) {
                    LOG.log(Level.INFO, "Rate limits are shared through Redis again");
                }
                return answer;
            } catch (RuntimeException e) {
                fallBack(e.toString());
            }
        } else {
            fallBack(cluster.problem().orElse("Redis is down"));
        }
        return local.take(key, max, window);
    }

    private void fallBack(String why) {
        if (fellBack.compareAndSet(false, true)) {
            LOG.log(
                    Level.WARNING,
                    "Rate limits cannot be shared through Redis ({0}): each node counts by itself until it is back",
                    why);
        }
    }
}
