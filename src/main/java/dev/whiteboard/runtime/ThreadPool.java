package dev.whiteboard.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A few threads of the server's managed thread factory for work that needs a thread of its own (transactions, a
 * feature's handlers); tasks beyond them wait in order. The owner makes the threads with {@link #start} when the
 * application starts (a CDI {@code Startup} observer), on a thread of the application: a managed thread takes the
 * context of the thread that makes it, and one made later on a thread of the server's own (WildFly reads upgraded
 * connections on its I/O threads) would have no {@code java:comp}, so beans made on it could not be injected. The
 * threads stay until {@link #stop}, which the owner calls when it is destroyed.
 */
public final class ThreadPool implements Executor {

    private final int size;
    private final Supplier<? extends ThreadFactory> factory;
    private ThreadPoolExecutor pool;

    public ThreadPool(int size, Supplier<? extends ThreadFactory> factory) {
        this.size = size;
        this.factory = factory;
    }

    @Override
    public void execute(Runnable task) {
        pool().execute(task);
    }

    /** Makes the threads now, with the context of the calling thread (the application's, at its start). */
    public synchronized void start() {
        pool().prestartAllCoreThreads();
    }

    private synchronized ThreadPoolExecutor pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory.get());
        }
        return pool;
    }

    /** Stops the threads; what waits is dropped. */
    public synchronized void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
