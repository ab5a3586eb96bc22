package dev.whiteboard.chat.control;

import dev.whiteboard.chat.entity.ChatLimits;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;
import java.time.Duration;

/** The sender reached the chat's rate limit; {@link #retryAfter()} says when the next message will be taken. */
public class RateLimitedException extends WhiteboardException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(
                ErrorKind.RATE_LIMITED,
                "at most " + ChatLimits.MAX_MESSAGES_PER_WINDOW + " messages in "
                        + ChatLimits.RATE_WINDOW.toSeconds() + " seconds; try again in "
                        + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s",
                null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
