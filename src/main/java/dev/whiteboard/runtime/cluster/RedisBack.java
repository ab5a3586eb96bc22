package dev.whiteboard.runtime.cluster;

/**
 * A CDI event: this node reaches Redis again after it could not (or for the first time after a start while Redis was
 * down). Redis may have restarted empty meanwhile, so observers write again what this node keeps there.
 *
 * @param nodeId       this node
 * @param declaredLost whether another node took this one for lost meanwhile (its heartbeat expired while it was cut
 *                     off) and ended its connections for the app: they must end here too, so that their clients
 *                     connect afresh
 */
public record RedisBack(String nodeId, boolean declaredLost) {}
