package dev.whiteboard.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a failed call to the real-time service (an announcement to a board's group, a message to a user, a
 * membership or permission change) is tried again before it is given up: the first retry after
 * {@code whiteboard.webpubsub.retry.first-delay-millis} (250 ms), each later one after twice the delay before it, at
 * most {@code whiteboard.webpubsub.retry.max-delay-millis} (4 s), for as long as the call has been failing less than
 * {@code whiteboard.webpubsub.retry.give-up-seconds} (30 s; 0 = no retries).
 */
@ApplicationScoped
public class SendRetries {

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.retry.first-delay-millis", defaultValue = "250")
    long firstDelayMillis;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.retry.max-delay-millis", defaultValue = "4000")
    long maxDelayMillis;

    @Inject
    @ConfigProperty(name = "whiteboard.webpubsub.retry.give-up-seconds", defaultValue = "30")
    long giveUpSeconds;

    /** The schedule the settings give. */
    public Schedule schedule() {
        return new Schedule(
                Duration.ofMillis(Math.max(1, firstDelayMillis)),
                Duration.ofMillis(Math.max(Math.max(1, firstDelayMillis), maxDelayMillis)),
                Duration.ofSeconds(Math.max(0, giveUpSeconds)));
    }

    /** Exponential backoff, bounded in the delay between tries and in the time spent trying. */
    public record Schedule(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

        /** The wait before retry number {@code retry} (1 for the first): doubling from the first delay, capped. */
        public Duration delayBefore(int retry) {
            Duration delay = firstDelay;
            for (int i = 1; i < retry && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }

        /**
         * Whether retry number {@code retry} is still made when the call has been failing for {@code failingFor}: the
         * retry must start before the time is up.
         */
        public boolean retries(int retry, Duration failingFor) {
            return failingFor.plus(delayBefore(retry)).compareTo(giveUpAfter) <= 0;
        }
    }
}
