package dev.whiteboard.hub;

import dev.whiteboard.hub.socket.ClientSocket;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The hub's one timer thread: keep-alive sweeps and the deadlines of close handshakes; and the threads that close
 * client connections ({@link #socketThreads}). A plain scheduled executor on
 * a thread of the server's managed thread factory rather than the server's managed scheduled executor: a periodic
 * task of that executor that fails once is never run again, and WildFly fails every task of its managed executors
 * while the server is still suspended at boot ({@code WFLYEE0111}). Its tasks must not fail silently: they log.
 */
@ApplicationScoped
public class HubTimer {

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ScheduledExecutorService executor;
    private ExecutorService closer;

    public synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(threads);
        }
        return executor;
    }

    /**
     * What client sockets need: this timer, and a pool of threads (made on demand, gone after a minute idle) that close
     * their connections, since a container's close may block (see {@link ClientSocket.Threads}).
     */
    public synchronized ClientSocket.Threads socketThreads() {
        if (closer == null) {
            closer = Executors.newCachedThreadPool(threads);
        }
        return new ClientSocket.Threads(executor(), closer);
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (closer != null) {
            closer.shutdown();
        }
    }
}
