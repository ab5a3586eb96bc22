package dev.whiteboard.hub.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.time.Duration;
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
 * <p>At most {@value #MAX_WAITING} messages or {@value #MAX_WAITING_BYTES} bytes of them wait; a sender beyond that waits
 * for room (its socket is not read meanwhile), which is how a burst is pushed back to where it comes from: reading
 * keeps the pace of delivery, so the thread reading a sender does not outrun the clients' writes (on WildFly the same
 * I/O thread may serve both) and the heap holds a bounded amount of undelivered messages. While it pushes back, the
 * keep-alive judges nobody silent ({@link #pushedBackWithin}): the hub is the one not reading.
 */
@ApplicationScoped
public class Fanout {

    /** A delivery: writes its frames to the recipients (without flushing) and names them in {@code written}. */
    @FunctionalInterface
    public interface Job {
        void run(Set<Recipient> written);
    }

    static final int MAX_WAITING = 10_000;
    static final long MAX_WAITING_BYTES = 4L * 1024 * 1024;
    /** A batch ends after this many messages even when more are waiting, so that none waits long for its flush. */
    static final int MAX_BATCH = 64;

    private static final Logger LOG = Logger.getLogger(Fanout.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private record Entry(Job job, long bytes) {}

    private final BlockingQueue<Entry> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private final Object room = new Object();
    private long waitingBytes;
    /** Senders waiting for room now, and when the last one stopped waiting ({@link System#nanoTime()}). */
    private int pushedBack;

    private long pushBackEndedAt;
    private boolean everPushedBack;
    private Thread thread;
    private boolean stopped;

    /**
     * Starts the delivery thread with the application. Not at the first message: that may come on a thread of the
     * server's own with no application context (WildFly reads upgraded connections on its I/O threads, where the
     * managed thread factory cannot be looked up).
     */
    void onStart(@Observes Startup startup) {
        started();
    }

    /** Hands over a delivery of a message of {@code bytes}; it runs after every delivery handed over before it. */
    public void submit(long bytes, Job job) {
        if (!started()) {
            deliverNow(job);
            return;
        }
        try {
            synchronized (room) {
                if (waitingBytes > MAX_WAITING_BYTES) {
                    pushedBack++;
                    everPushedBack = true;
                    try {
                        while (waitingBytes > MAX_WAITING_BYTES) {
                            room.wait();
                        }
                    } finally {
                        pushedBack--;
                        pushBackEndedAt = System.nanoTime();
                    }
                }
                waitingBytes += bytes;
            }
            waiting.put(new Entry(job, bytes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliverNow(job);
        }
    }

    /**
     * Whether a sender waited for room within the last {@code period} (or waits now). Meanwhile the hub itself
     * did not read that sender's socket, nor, on a server whose I/O thread serves several sockets (WildFly), the
     * others on that thread: their silence then says nothing about the clients.
     */
    public boolean pushedBackWithin(Duration period) {
        synchronized (room) {
            return pushedBack > 0 || (everPushedBack && System.nanoTime() - pushBackEndedAt < period.toNanos());
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
        Set<Recipient> written = new LinkedHashSet<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Entry entry = waiting.take();
                int count = 0;
                do {
                    run(entry.job(), written);
                    delivered(entry.bytes());
                    count++;
                } while (count < MAX_BATCH && (entry = waiting.poll()) != null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                written.forEach(Recipient::flush);
                written.clear();
            }
        }
    }

    private void delivered(long bytes) {
        synchronized (room) {
            waitingBytes -= bytes;
            room.notifyAll();
        }
    }

    private static void run(Job job, Set<Recipient> written) {
        try {
            job.run(written);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A delivery failed; the next ones go on", e);
        }
    }

    private static void deliverNow(Job job) {
        Set<Recipient> written = new LinkedHashSet<>();
        run(job, written);
        written.forEach(Recipient::flush);
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
