package dev.whiteboard.runtime.limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SlidingWindows} in this node's memory: the times of the events counted, per key. Keys whose events are all
 * older than their window are forgotten once there are many. Thread-safe.
 */
public final class LocalWindows implements SlidingWindows {

    private static final int FORGET_ABOVE = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final Deque<Long> times = new ArrayDeque<>();
        long length;
    }

    @Override
    public Optional<Duration> take(String key, int max, Duration window) {
        long now = System.nanoTime();
        long length = window.toNanos();
        if (windows.size() > FORGET_ABOVE) {
            windows.values().removeIf(w -> {
                synchronized (w) {
                    return w.times.isEmpty() || now - w.times.peekLast() >= w.length;
                }
            });
        }
        Window times = windows.computeIfAbsent(key, k -> new Window());
        synchronized (times) {
            times.length = length;
            while (!times.times.isEmpty() && now - times.times.peekFirst() >= length) {
                times.times.pollFirst();
            }
            if (times.times.size() >= max) {
                return Optional.of(Duration.ofNanos(length - (now - times.times.peekFirst())));
            }
            times.times.addLast(now);
            return Optional.empty();
        }
    }
}
