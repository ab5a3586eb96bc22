/**
 * {@code negotiate}: a signed-in caller asks to join a board's real-time channel and gets a client access URL whose
 * token carries their user id (from the container, never from the request) and only the Web PubSub roles their
 * board role allows.
 */
package dev.whiteboard.negotiate;
