/**
 * Delivering messages: {@code Fanout}, the one thread that hands every message to its recipients in order and
 * flushes each {@code Recipient} once per batch, with a bound on what waits undelivered.
 */
package dev.whiteboard.hub.delivery;
