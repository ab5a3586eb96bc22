package dev.whiteboard.security.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How failed sign-ins of one subject (an account, or a client address) slow further attempts down: the first
 * {@code freeFailures} in a row cost nothing; from then on each failure refuses attempts for a delay that doubles
 * with every further failure, from {@code firstDelay} up to {@code maxDelay}; the count starts again once the latest
 * failure is older than {@code memory} (and, for an account, when it signs in).
 */
record ThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration memory) {

    ThrottlePolicy {
        if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("a throttle needs at least one free failure and 0 < first delay <= max"
                    + " delay, not " + freeFailures + ", " + firstDelay + ", " + maxDelay);
        }
    }

    /** How long attempts are refused after the {@code failures}-th failure in a row; empty while they are free. */
    Optional<Duration> delay(int failures) {
        if (failures < freeFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - freeFailures, 40);
        Duration delay = firstDelay.multipliedBy(1L << Math.min(doublings, 30));
        return Optional.of(delay.compareTo(maxDelay) > 0 || doublings >= 30 ? maxDelay : delay);
    }

    /** Whether a failure at {@code last} no longer counts at {@code now}. */
    boolean forgotten(Instant last, Instant now) {
        return Duration.between(last, now).compareTo(memory) > 0;
    }
}
