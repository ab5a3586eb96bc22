package dev.whiteboard.hub;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers messages to their recipients on one thread of its own, in the order they were handed over, and pushes each
 * recipient's frames out once per batch: the messages that queued up while the previous batch was being delivered.
 * At a trickle every message is a batch and leaves at once; under load a client that gets twenty messages in a batch
 * gets them in one write instead of twenty, so the hub spends less per message the busier it is, instead of falling
 * behind. The thread that received a message (a client's frame, a REST call) only hands it over.
 * <p>At most {@value #MAX_WAITING} messages wait; a sender beyond that waits for room (its socket is not read meanwhile),
 * which is how a flood is pushed back to where it comes from.
 */
@ApplicationScoped
public class Fanout {

    /** A delivery: writes its frames to the recipients (without flushing) and names them in {@code written}. */
    @FunctionalInterface
    interface Job {
        void run(Set<HubConnection> written);
    }

    static final int MAX_WAITING = 10_000;
    /** A batch ends after this many messages even when more are waiting, so that none waits long for its flush. */
    static final int MAX_BATCH = 64;
    private static final Logger LOG = Logger.getLogger(Fanout.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final BlockingQueue<Job> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private Thread thread;
    private boolean stopped;

    /** Hands a delivery over; it runs after every delivery handed over before it. */
    void submit(Job job) {
        if (!started()) {
            deliverNow(job);
            return;
        }
        try {
            waiting.put(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliverNow(job);
        }
    }

    private synchronized boolean started() {
        if (thread == null && !stopped) {
            thread = threads.newThread(this::deliverBatches);
            thread.setName("whiteboard-hub-fanout");
            thread.start();
        }
        return thread != null && !stopped;
    }

    private void deliverBatches() {
        Set<HubConnection> written = new LinkedHashSet<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Job job = waiting.take();
                int count = 0;
                do {
                    run(job, written);
                    count++;
                } while (count < MAX_BATCH && (job = waiting.poll()) != null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                written.forEach(HubConnection::flush);
                written.clear();
            }
        }
    }

    private static void run(Job job, Set<HubConnection> written) {
        try {
            job.run(written);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A delivery failed; the next ones go on", e);
        }
    }

    private static void deliverNow(Job job) {
        Set<HubConnection> written = new LinkedHashSet<>();
        run(job, written);
        written.forEach(HubConnection::flush);
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
