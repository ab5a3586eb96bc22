/**
 * The one JSON-B configuration for messages the app writes and reads outside JAX-RS (real-time messages, webhook
 * answers): records in, JSON out, {@code null} members left out, as the REST API does.
 */
package dev.whiteboard.wire;
