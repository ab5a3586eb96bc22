/**
 * Several nodes of the product over Redis ({@code whiteboard.cluster.redis-url}): the node's identity, its link to
 * Redis (Lettuce), its heartbeat, and the notice that another node is gone. Without a Redis URL nothing here connects
 * or starts a thread: one node is the default. The built-in hub ({@code hub.cluster}) and presence build on it.
 */
package dev.whiteboard.runtime.cluster;
