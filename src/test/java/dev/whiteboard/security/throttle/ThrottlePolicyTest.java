package dev.whiteboard.security.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private final ThrottlePolicy account =
            new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15));

    @Test
    void theFirstFailuresAreFreeThenTheDelayDoublesUpToTheMaximum() {
        for (int failures = 1; failures < 5; failures++) {
            assertEquals(Optional.empty(), account.delay(failures), "failure " + failures);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), account.delay(5));
        assertEquals(Optional.of(Duration.ofSeconds(2)), account.delay(6));
        assertEquals(Optional.of(Duration.ofSeconds(32)), account.delay(10));
        assertEquals(Optional.of(Duration.ofSeconds(60)), account.delay(11));
        assertEquals(Optional.of(Duration.ofSeconds(60)), account.delay(Integer.MAX_VALUE), "no overflow");
    }

    @Test
    void failuresAreForgottenAfterTheMemory() {
        Instant last = Instant.parse("2026-01-01T10:00:00Z");
        assertFalse(account.forgotten(last, last.plus(Duration.ofMinutes(15))));
        assertTrue(account.forgotten(last, last.plus(Duration.ofMinutes(15)).plusSeconds(1)));
    }

    @Test
    void aRowCountsFailuresInARowAndStartsAgainAfterTheMemory() {
        SignInFailure row = new SignInFailure("account:alice");
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        for (int i = 1; i <= 4; i++) {
            assertEquals(i, row.failed(now, account));
            assertEquals(Optional.empty(), row.blockedAfter(now));
        }
        assertEquals(5, row.failed(now, account));
        assertEquals(Optional.of(now.plusSeconds(1)), row.blockedAfter(now));
        assertEquals(Optional.empty(), row.blockedAfter(now.plusSeconds(1)), "the wait is over");
        assertEquals(1, row.failed(now.plus(Duration.ofMinutes(16)), account), "forgotten");
    }
}
