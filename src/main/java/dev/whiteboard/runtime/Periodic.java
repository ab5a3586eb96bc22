package dev.whiteboard.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A check run every so often (a sweep, a purge): a plain scheduled thread of the server's thread factory only starts
 * it when its time comes, and the task it starts hands the work to the managed executor. Not a managed scheduled
 * executor's periodic task: one that fails once never runs again, and WildFly fails them while it is still suspended
 * at boot (WFLYEE0111). The owner starts it when the application starts and stops it when it is destroyed.
 */
public final class Periodic {

    private ScheduledExecutorService timer;

    /** Runs {@code start} after {@code firstSeconds}, then {@code everySeconds} after each run; once. */
    public synchronized void start(ThreadFactory threads, long firstSeconds, long everySeconds, Runnable start) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(threads);
            timer.scheduleWithFixedDelay(start, firstSeconds, everySeconds, TimeUnit.SECONDS);
        }
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
