package dev.whiteboard.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.chat.entity.ChatLimits;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.runtime.limits.Windows;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void theMessageOverTheLimitIsRefusedWithWhenToTryAgainAndNotCounted() {
        RateLimit limit = new RateLimit();
        limit.windows = Windows.inMemory();
        for (int i = 0; i < ChatLimits.MAX_MESSAGES_PER_WINDOW; i++) {
            limit.take("alice");
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limit.take("alice"));
        assertEquals(ErrorKind.RATE_LIMITED, refused.kind());
        assertTrue(refused.retryAfter().compareTo(ChatLimits.RATE_WINDOW) <= 0, refused.retryAfter()::toString);
        assertTrue(!refused.retryAfter().isNegative() && !refused.retryAfter().isZero());
        assertTrue(refused.getMessage().contains("10 messages in 10 seconds"), refused.getMessage());
        assertThrows(
                RateLimitedException.class, () -> limit.take("alice"), "a refusal is not counted, and not forgotten");
        limit.take("bob"); // each person has their own
    }
}
