package dev.whiteboard.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendRetriesTest {

    private final SendRetries.Schedule schedule =
            new SendRetries.Schedule(Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(30));

    @Test
    void theDelayDoublesUpToItsCap() {
        assertEquals(Duration.ofMillis(250), schedule.delayBefore(1));
        assertEquals(Duration.ofMillis(500), schedule.delayBefore(2));
        assertEquals(Duration.ofSeconds(2), schedule.delayBefore(4));
        assertEquals(Duration.ofSeconds(4), schedule.delayBefore(5));
        assertEquals(Duration.ofSeconds(4), schedule.delayBefore(1_000));
    }

    @Test
    void retriesStopWhenTheyWouldStartAfterTheTimeIsUp() {
        assertTrue(schedule.retries(1, Duration.ZERO));
        assertTrue(schedule.retries(9, Duration.ofSeconds(26)));
        assertFalse(schedule.retries(9, Duration.ofMillis(26_001)));
        assertFalse(new SendRetries.Schedule(Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ZERO)
                .retries(1, Duration.ZERO));
    }
}
