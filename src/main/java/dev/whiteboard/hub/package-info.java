/**
 * The built-in hub: a Web PubSub-compatible service inside the WAR, so that intranets without the cloud
 * service, developers and every test run the same protocol as Azure Web PubSub
 * ({@code shared/docs/webpubsub-protocol.md} is its specification): who is connected and in which groups
 * ({@link dev.whiteboard.hub.Hub}), the delivery of messages ({@link dev.whiteboard.hub.Fanout}), what each client
 * frame does ({@link dev.whiteboard.hub.ClientSessions}), access tokens, permissions, the upstream CloudEvents and the
 * keep-alive. The WebSocket protocol itself is in {@code socket}, the HTTP surfaces in {@code boundary}.
 */
package dev.whiteboard.hub;
