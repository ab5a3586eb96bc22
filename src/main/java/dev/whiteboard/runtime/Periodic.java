package dev.whiteboard.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A check run every so often (a sweep, a purge): a plain scheduled thread of the server's thread factory only starts
 * it when its time comes, and the task it starts hands the work to the managed executor. Not a managed scheduled
 * executor's periodic task: one that fails once never runs again, and WildFly fails them while it is still suspended
 * at boot (WFLYEE0111). The owner starts it when the application starts and stops it when it is destroyed.
 */
public final class Periodic {

    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());

    private ScheduledExecutorService timer;

    /** Runs {@code start} after {@code firstSeconds}, then {@code everySeconds} after each run; once. */
    public synchronized void start(ThreadFactory threads, long firstSeconds, long everySeconds, Runnable start) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(threads);
            timer.scheduleWithFixedDelay(start, firstSeconds, everySeconds, TimeUnit.SECONDS);
        }
    }

    /**
     * Like {@link #start(ThreadFactory, long, long, Runnable)}, with the hand-over included: each time, {@code work} is
     * given to {@code executor}; a failure (to run it, or to hand it over) is logged as a WARNING, "Could not
     * {@code what}", and the next time comes as planned.
     */
    public void start(
            ThreadFactory threads,
            Executor executor,
            long firstSeconds,
            long everySeconds,
            String what,
            Runnable work) {
        start(threads, firstSeconds, everySeconds, () -> {
            try {
                executor.execute(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not {0}: {1}", new Object[] {what, e.toString()});
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not start to {0}: {1}", new Object[] {what, e.toString()});
            }
        });
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
