package dev.whiteboard.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for something that happens asynchronously (a server that comes up, a connection that goes, a database
 * that is back): asks again and again, a short pause between tries, until the answer is the one awaited or the
 * deadline passes, which fails the test with what was awaited and the last answer. The one polling loop of the tests:
 * every wait has a deadline, none a fixed sleep standing in for one.
 */
public final class Eventually {

    private static final Duration PAUSE = Duration.ofMillis(50);

    private Eventually() {}

    /** Waits until {@code condition} holds; fails the test with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition::getAsBoolean, done -> done);
    }

    /**
     * Asks {@code probe} until its answer satisfies {@code done}, and returns that answer; fails the test with
     * {@code what} and the last answer after {@code timeout}.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T answer = probe.get();
            if (done.test(answer)) {
                return answer;
            }
            if (System.nanoTime() - deadline > 0) {
                return fail("not " + what + " within " + timeout.toSeconds() + " s; last: " + answer);
            }
            pause();
        }
    }

    /** A pause between tries, keeping the thread's interrupt. */
    public static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
