package dev.whiteboard.hub.delivery;

/**
 * Someone {@link Fanout} delivers to: a delivery writes frames to its recipients without flushing them, and the
 * fan-out thread flushes each recipient once at the end of a batch.
 */
public interface Recipient {

    /** Pushes out the frames written since the last flush. */
    void flush();
}
