/**
 * The built-in hub's network surface: the client endpoint ({@code /client/hubs/{hub}} and
 * {@code /client/?hub={hub}}) with its handshake checks (hub, origin, subprotocol, token, the handler's
 * {@code connect}) before the upgrade, and the REST data-plane API ({@code /api/hubs/{hub}}).
 */
package dev.whiteboard.hub.boundary;
