package dev.whiteboard.hub;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The hub's one timer thread: keep-alive sweeps and the deadlines of close handshakes. A plain scheduled executor on
 * a thread of the server's managed thread factory rather than the server's managed scheduled executor: a periodic
 * task of that executor that fails once is never run again, and WildFly fails every task of its managed executors
 * while the server is still suspended at boot ({@code WFLYEE0111}). Its tasks must not fail silently: they log.
 */
@ApplicationScoped
public class HubTimer {

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ScheduledExecutorService executor;

    public synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(threads);
        }
        return executor;
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
