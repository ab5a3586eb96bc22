package dev.whiteboard.runtime.cluster;

/**
 * A CDI event: node {@code nodeId} stopped renewing its heartbeat, so it is gone (killed, cut off). Fired once per lost
 * node in the whole cluster, by the surviving node that took the short lock on it, on a managed thread: its observers
 * clean up what the lost node left behind (its connections, its presence rows).
 */
public record NodeLost(String nodeId) {}
