package dev.whiteboard.boards.control;

import dev.whiteboard.runtime.SerialQueues;
import dev.whiteboard.runtime.ThreadPool;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Changes to one board, committed in the order they were submitted, several in one transaction when they queue up
 * (group commit). Each board has a queue; while it has changes waiting, one task takes up to {@value #MAX_GROUP} of
 * them and applies them one after another in one transaction ({@link BoardBatch}); each change's future completes
 * only after that transaction committed. If the group fails (one change is refused, the database fails), nothing of it
 * is kept and its changes are applied again one by one, each in its own transaction, exactly as if they had come
 * alone: one refused change never takes the others with it, and each gets its own outcome. A change waits at most
 * {@value #WAIT_SECONDS} s for its turn; one that waited longer is refused as unavailable ({@link BoardBusyException})
 * without being applied, so a board that cannot keep up tells its senders to try again instead of falling ever
 * further behind. The tasks run on a few threads of the server's managed thread factory (transactions need them);
 * a board's task gives its thread back after each group, so busy boards take turns.
 */
@ApplicationScoped
public class BoardCommits {

    static final int MAX_GROUP = 64;
    static final int WAIT_SECONDS = 5;
    private static final int THREADS = 12;
    private static final Logger LOG = Logger.getLogger(BoardCommits.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    BoardBatch batch;

    private final SerialQueues<String, Work> queues = new SerialQueues<>();
    private final ThreadPool pool = new ThreadPool(THREADS, () -> threads);

    /** A change waiting for its board's turn: what it does, when it came, and its outcome. */
    private record Work(Supplier<BoardUpdate> change, long queuedAt, CompletableFuture<BoardUpdate> done) {}

    /**
     * Queues a change to the board; the future completes after it committed (with the board's versions) or with the
     * reason it was not applied. {@code board} null (none named): the change runs at once, on the calling thread.
     */
    public CompletableFuture<BoardUpdate> submit(String board, Supplier<BoardUpdate> change) {
        if (board == null) {
            try {
                return CompletableFuture.completedFuture(change.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Work work = new Work(change, System.nanoTime(), new CompletableFuture<>());
        queues.add(board, work).ifPresent(lane -> pool.execute(() -> applyNext(lane)));
        return work.done();
    }

    /** Applies the next group of the board's changes, then hands the rest to a new task (other boards get a turn). */
    private void applyNext(SerialQueues<String, Work>.Lane lane) {
        List<Work> group = lane.next(MAX_GROUP, (first, next) -> true);
        if (group.isEmpty()) {
            return;
        }
        try {
            apply(group);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "Changes to board {0} failed unexpectedly: {1}", new Object[] {
                lane.key(), e.toString()
            });
            group.forEach(w -> w.done().completeExceptionally(e));
        }
        pool.execute(() -> applyNext(lane));
    }

    private void apply(List<Work> group) {
        long deadline = System.nanoTime() - TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<Work> due = new ArrayList<>(group.size());
        for (Work work : group) {
            if (work.queuedAt() - deadline < 0) {
                work.done().completeExceptionally(new BoardBusyException());
            } else {
                due.add(work);
            }
        }
        if (due.size() > 1) {
            List<BoardUpdate> updates;
            try {
                updates = batch.applyAll(due.stream().map(Work::change).toList());
            } catch (RuntimeException e) {
                updates = null; // one of them was refused or the database failed: each on its own, below
            }
            if (updates != null) {
                for (int i = 0; i < due.size(); i++) {
                    due.get(i).done().complete(updates.get(i));
                }
                return;
            }
        }
        for (Work work : due) {
            try {
                work.done().complete(batch.apply(work.change()));
            } catch (RuntimeException e) {
                work.done().completeExceptionally(e);
            }
        }
    }

    @PreDestroy
    void stop() {
        pool.stop();
    }
}
