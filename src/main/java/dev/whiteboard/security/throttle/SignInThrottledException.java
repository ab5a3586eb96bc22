package dev.whiteboard.security.throttle;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;
import java.time.Duration;

/**
 * Too many failed sign-ins in a row for this account or from this address: no password is checked until
 * {@link #retryAfter()} has passed. The same answer for an account that exists and one that does not.
 */
public class SignInThrottledException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super(ErrorKind.RATE_LIMITED, "too many failed sign-ins; try again in " + seconds(retryAfter) + " s", null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} value: whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
