package dev.whiteboard.hub.session;

import java.util.function.LongSupplier;

/**
 * How many frames a client may send: a token bucket refilled at {@code perSecond} and holding up to two seconds'
 * worth, so bursts pass and a sustained flood does not. Thread-safe.
 */
final class FrameBudget {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    FrameBudget(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    /** With the clock it reads (nanoseconds, as {@link System#nanoTime()}). */
    FrameBudget(int perSecond, LongSupplier nanoTime) {
        this.perNano = perSecond / 1e9;
        this.capacity = 2.0 * perSecond;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes one frame from the budget; {@code false} when the client is over it. */
    synchronized boolean take() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
