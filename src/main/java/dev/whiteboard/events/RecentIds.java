package dev.whiteboard.events;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids one connection used within the replay window, oldest first: at most {@code capacity} of them (a
 * connection that sends more within the window has its oldest ids forgotten early), each for {@code windowNanos}.
 * Thread-safe.
 */
final class RecentIds {

    private final long windowNanos;
    private final int capacity;
    private final LinkedHashMap<String, Long> ids = new LinkedHashMap<>();
    private volatile long lastUsed;

    RecentIds(long windowNanos, int capacity) {
        this.windowNanos = windowNanos;
        this.capacity = capacity;
    }

    /** Takes {@code id} at {@code now} (nanos); false when it was taken within the window. */
    synchronized boolean take(String id, long now) {
        lastUsed = now;
        forgetOlderThan(now - windowNanos);
        if (ids.containsKey(id)) {
            return false;
        }
        ids.put(id, now);
        if (ids.size() > capacity) {
            Iterator<Map.Entry<String, Long>> oldest = ids.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Gives {@code id} back (the call it came with failed, and the service may send it again). */
    synchronized void release(String id) {
        ids.remove(id);
    }

    /** When an id was last taken (nanos). */
    long lastUsed() {
        return lastUsed;
    }

    private void forgetOlderThan(long limit) {
        Iterator<Map.Entry<String, Long>> oldest = ids.entrySet().iterator();
        while (oldest.hasNext() && oldest.next().getValue() - limit < 0) {
            oldest.remove();
        }
    }
}
