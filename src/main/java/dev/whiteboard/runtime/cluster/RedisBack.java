package dev.whiteboard.runtime.cluster;

/**
 * A CDI event: this node reaches Redis again after it could not (or for the first time after a start while Redis was
 * down). Redis may have restarted empty meanwhile, so observers write again what this node keeps there.
 */
public record RedisBack(String nodeId) {}
