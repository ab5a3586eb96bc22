package dev.whiteboard.runtime.limits;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts events per key in a sliding window: the one question a rate limit and a throttle ask. In memory on a single
 * node ({@link LocalWindows}); shared by every node of a cluster through Redis ({@link RedisWindows}). {@link Windows}
 * picks one at start-up.
 */
public interface SlidingWindows {

    /**
     * Counts one event of {@code key} if fewer than {@code max} were counted in the last {@code window}: then empty.
     * Otherwise nothing is counted, and the answer is how long until one more would be.
     */
    Optional<Duration> take(String key, int max, Duration window);
}
