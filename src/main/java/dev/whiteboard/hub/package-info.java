/**
 * The built-in hub: a Web PubSub-compatible service inside the WAR, so that intranets without the cloud service,
 * developers and every test run the same protocol as Azure Web PubSub ({@code shared/docs/webpubsub-protocol.md} is
 * its specification). It uses nothing of the app (the architecture test keeps it so): the app reaches it only over
 * its protocols, as it would reach Azure. This package holds its settings ({@code HubSettings}: keys, event handler,
 * limits), the start-up announcement of its connection string, and its one timer thread. The rest, by concern:
 * {@code access} (keys, tokens, permissions), {@code session} (who is connected, in which groups, what each client
 * frame does, keep-alive), {@code delivery} (the fan-out thread), {@code upstream} (CloudEvents to the event
 * handler), {@code protocol} (the JSON subprotocols as typed frames), {@code socket} (WebSocket on the Servlet upgrade)
 * and {@code boundary} (the client endpoint and the REST API).
 */
package dev.whiteboard.hub;
