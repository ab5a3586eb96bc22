package dev.whiteboard.chat.control;

import dev.whiteboard.chat.entity.ChatLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-person message rate limit: at most {@link ChatLimits#MAX_MESSAGES_PER_WINDOW} messages in any
 * {@link ChatLimits#RATE_WINDOW} (a sliding window of send times, in memory: one app instance's view, which is
 * what protects it).
 */
@ApplicationScoped
public class RateLimit {

    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();

    /** Counts one message of the user's; {@link RateLimitedException} (nothing counted) when over the limit. */
    public void take(String user) {
        long now = System.nanoTime();
        long window = ChatLimits.RATE_WINDOW.toNanos();
        Deque<Long> times = sent.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= window) {
                times.pollFirst();
            }
            if (times.size() >= ChatLimits.MAX_MESSAGES_PER_WINDOW) {
                throw new RateLimitedException(Duration.ofNanos(window - (now - times.peekFirst())));
            }
            times.addLast(now);
        }
    }
}
