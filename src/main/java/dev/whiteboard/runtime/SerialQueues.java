package dev.whiteboard.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiPredicate;

/**
 * Per key, work carried out in the order it was handed over, by one worker at a time: a board's changes, a group's
 * messages. {@link #add} queues an item and, when no worker has the key's lane, hands the lane to the caller, who
 * starts one; the worker takes items with {@link Lane#next} until none wait, and then the lane is gone (a queue exists
 * only while something waits or is being carried out). The worker asks for the next items only once it has finished
 * the ones it took before. A lane that is gone is never handed items again: an item that comes at that very moment
 * goes to a new lane with a worker of its own, which can only be after the old worker finished everything; so two
 * workers never hold one key's items at once, and items are carried out in the order they were added.
 *
 * @param <K> what the work is for
 * @param <T> an item of work
 */
public final class SerialQueues<K, T> {

    private final ConcurrentMap<K, Lane> lanes = new ConcurrentHashMap<>();

    /** The items waiting for one key, taken by the one worker that has the lane. */
    public final class Lane {

        private final K key;
        private final List<T> pending = new ArrayList<>();
        private boolean working;
        private boolean gone;

        private Lane(K key) {
            this.key = key;
        }

        public K key() {
            return key;
        }

        /**
         * The next items for the worker: the first waiting one and, after it, those that {@code joins} (given the
         * first and a candidate) accepts, at most {@code max} in all. Empty when nothing waits: then the lane is gone
         * and the worker stops (anything added later starts a new lane and worker).
         */
        public List<T> next(int max, BiPredicate<T, T> joins) {
            synchronized (this) {
                if (pending.isEmpty()) {
                    working = false;
                    gone = true;
                    lanes.remove(key, this);
                    return List.of();
                }
                T first = pending.get(0);
                int count = 1;
                while (count < pending.size() && count < max && joins.test(first, pending.get(count))) {
                    count++;
                }
                List<T> taken = new ArrayList<>(pending.subList(0, count));
                pending.subList(0, count).clear();
                return taken;
            }
        }
    }

    /**
     * Queues the item after everything handed over for the key before it. Returns the key's lane when no worker has
     * it: the caller must then start one (which calls {@link Lane#next} until it is empty); empty when a worker is on
     * it already and will take the item in its turn.
     */
    public Optional<Lane> add(K key, T item) {
        while (true) {
            Lane lane = lanes.computeIfAbsent(key, Lane::new);
            synchronized (lane) {
                if (lane.gone) {
                    continue; // its worker just stopped and took it out of the map: the next lookup makes a new one
                }
                lane.pending.add(item);
                if (lane.working) {
                    return Optional.empty();
                }
                lane.working = true;
                return Optional.of(lane);
            }
        }
    }
}
