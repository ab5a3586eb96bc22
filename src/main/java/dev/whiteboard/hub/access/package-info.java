/**
 * Who may connect to the hub and what a connection may do: access keys ({@code AccessKey}), the client and REST
 * tokens signed with them ({@code TokenVerifier}, {@code ClientClaims}), and the Web PubSub roles as permissions on
 * groups ({@code Permissions}). Pure logic, no state of connections.
 */
package dev.whiteboard.hub.access;
