/**
 * The hub's calls to the event handler ({@code Upstream}): CloudEvents in HTTP binary mode with signatures and the
 * hub's bearer token, the abuse-protection handshake, blocking {@code connect} and user events, retried
 * {@code connected}/{@code disconnected}. A connection is seen only as an {@code EventSource}.
 */
package dev.whiteboard.hub.upstream;
