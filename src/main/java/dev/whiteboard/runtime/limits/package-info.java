/**
 * Sliding-window counts for rate limits and throttles ({@code SlidingWindows}): in a node's memory, or in Redis for
 * every node of a cluster, chosen once by {@code Windows}. What is limited, and how much, is the features' business.
 */
package dev.whiteboard.runtime.limits;
