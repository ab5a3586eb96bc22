package dev.whiteboard.hub;

/**
 * How many frames a client may send: a token bucket refilled at {@code perSecond} and holding up to two seconds'
 * worth, so bursts pass and a sustained flood does not. Thread-safe.
 */
final class FrameBudget {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    FrameBudget(int perSecond) {
        this.perNano = perSecond / 1e9;
        this.capacity = 2.0 * perSecond;
        this.tokens = capacity;
        this.refilledAt = System.nanoTime();
    }

    /** Takes one frame from the budget; {@code false} when the client is over it. */
    synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
