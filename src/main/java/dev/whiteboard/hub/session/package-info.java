/**
 * The hub's connections and what happens on them: who is connected, as which user, in which groups ({@code Hub});
 * one logical connection with its reliable buffer, acks and state ({@code HubConnection}); opening, each client
 * frame and closing ({@code ClientSessions}); the handshake's admission ({@code Admission}); pings and dropping the
 * silent ({@code KeepAlive}); a client's frame budget ({@code FrameBudget}); and the REST API's OData filter over
 * connections ({@code ConnectionFilter}). Delivery goes through {@code delivery}, events to the handler through
 * {@code upstream}; neither knows this package.
 */
package dev.whiteboard.hub.session;
