/**
 * The built-in hub's network surface: the client WebSocket endpoint ({@code /client/hubs/{hub}} and
 * {@code /client/?hub={hub}}), the handshake checks before it (token, origin, subprotocol), and the keep-alive.
 */
package dev.whiteboard.hub.boundary;
