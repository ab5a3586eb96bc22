package dev.whiteboard.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A few threads of the server's managed thread factory for work that needs a thread of its own (transactions, a
 * feature's handlers), made when the first task comes and gone after {@value #IDLE_SECONDS} s without work; tasks
 * beyond them wait in order. The factory is asked for when the first thread is made, not before: the bean that owns
 * the pool has its {@code @Resource} injected by then. The owner calls {@link #stop} when it is destroyed.
 */
public final class ThreadPool implements Executor {

    private static final int IDLE_SECONDS = 30;

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

    private synchronized ThreadPoolExecutor pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(
                    size, size, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory.get());
            pool.allowCoreThreadTimeOut(true);
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
