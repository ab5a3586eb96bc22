package dev.whiteboard.chat.control;

import dev.whiteboard.chat.entity.ChatLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typing notices are relayed at most once per {@link ChatLimits#TYPING_INTERVAL} per person and conversation (a
 * page sends one on every key press); the others are dropped. In memory: a notice is not worth storing.
 */
@ApplicationScoped
public class TypingThrottle {

    private static final int FORGET_ABOVE = 10_000;

    private final Map<String, Long> lastRelayed = new ConcurrentHashMap<>();

    /** Whether this notice is relayed (and, if so, counted as the last one). */
    public boolean relay(String user, String conversationKey) {
        long now = System.nanoTime();
        long interval = ChatLimits.TYPING_INTERVAL.toNanos();
        if (lastRelayed.size() > FORGET_ABOVE) {
            lastRelayed.values().removeIf(t -> now - t >= interval);
        }
        boolean[] relayed = {false};
        lastRelayed.compute(user + "\n" + conversationKey, (k, last) -> {
            if (last == null || now - last >= interval) {
                relayed[0] = true;
                return now;
            }
            return last;
        });
        return relayed[0];
    }
}
