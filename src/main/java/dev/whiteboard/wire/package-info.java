/**
 * The one JSON-B configuration of the app, for messages it writes and reads outside JAX-RS (real-time messages,
 * webhook answers) and, through {@code dev.whiteboard.api.JsonBinding}, for REST bodies too: records in, JSON out,
 * {@code null} members left out; reading is strict ({@link dev.whiteboard.wire.StrictValues}: whole numbers in range,
 * true booleans, well-formed strings; nesting bounded).
 */
package dev.whiteboard.wire;
