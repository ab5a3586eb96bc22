package dev.whiteboard.chat.control;

import dev.whiteboard.chat.entity.ChatLimits;
import dev.whiteboard.runtime.limits.Windows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Typing notices are relayed at most once per {@link ChatLimits#TYPING_INTERVAL} per person and conversation (a
 * page sends one on every key press); the others are dropped. Counted like the rate limit ({@link Windows}: in
 * memory on one node, in Redis for a cluster); a notice is not worth storing.
 */
@ApplicationScoped
public class TypingThrottle {

    @Inject
    Windows windows;

    /** Whether this notice is relayed (and, if so, counted as the last one). */
    public boolean relay(String user, String conversationKey) {
        return windows.take("typing:" + user + ":" + conversationKey, 1, ChatLimits.TYPING_INTERVAL)
                .isEmpty();
    }
}
