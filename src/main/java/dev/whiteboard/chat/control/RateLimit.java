package dev.whiteboard.chat.control;

import dev.whiteboard.chat.entity.ChatLimits;
import dev.whiteboard.runtime.limits.Windows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The per-person message rate limit: at most {@link ChatLimits#MAX_MESSAGES_PER_WINDOW} messages in any
 * {@link ChatLimits#RATE_WINDOW} (a sliding window of send times: in memory on one node, in Redis for a cluster, so
 * that messages sent through several nodes count once; {@link Windows}).
 */
@ApplicationScoped
public class RateLimit {

    @Inject
    Windows windows;

    /** Counts one message of the user's; {@link RateLimitedException} (nothing counted) when over the limit. */
    public void take(String user) {
        windows.take("chat-rate:" + user, ChatLimits.MAX_MESSAGES_PER_WINDOW, ChatLimits.RATE_WINDOW)
                .ifPresent(wait -> {
                    throw new RateLimitedException(wait);
                });
    }
}
