/**
 * The WebSocket protocol (RFC 6455) of the built-in hub's client connections, on the Servlet API's HTTP upgrade
 * with non-blocking I/O: {@link dev.whiteboard.hub.socket.Handshake} (the upgrade response),
 * {@link dev.whiteboard.hub.socket.FrameReader} (a client's frames, incrementally, with the hub's limits),
 * {@link dev.whiteboard.hub.socket.Frames} (a server's frames, encoded once and shared by every recipient of a
 * message) and {@link dev.whiteboard.hub.socket.ClientSocket} (one connection: its reads, its bounded queue of
 * outgoing frames, its close handshake). Nothing here knows Web PubSub; the hub listens through
 * {@link dev.whiteboard.hub.socket.ClientSocket.Listener}.
 * <p>Why not Jakarta WebSocket: on Payara, Tyrus schedules a task on the server's managed scheduled executor for
 * every frame it sends or receives (its idle timer, restarted per frame even with no idle timeout), and each such
 * task costs the managed executor's context capture and set-up. For a fan-out of one message to 200 clients that
 * was most of the hub's CPU, and the fan-out benchmark (B1) could not be met. The Servlet upgrade is as standard and
 * as portable (Payara, WildFly) and lets a message be encoded once for all its recipients.
 */
package dev.whiteboard.hub.socket;
