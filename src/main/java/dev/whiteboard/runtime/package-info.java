/**
 * Small helpers for running well on the server, used by every feature: tasks handed to the managed executors
 * without a class-path scan each, and the one JSON-P provider. Nothing here knows a feature.
 */
package dev.whiteboard.runtime;
