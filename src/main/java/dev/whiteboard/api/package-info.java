/**
 * The REST surface's shared pieces: the JAX-RS application at {@code /api} and the one place where failures
 * become HTTP responses with a JSON {@link dev.whiteboard.errors.ErrorBody}. Resources live with their features.
 */
package dev.whiteboard.api;
