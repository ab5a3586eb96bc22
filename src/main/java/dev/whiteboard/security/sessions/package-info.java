/**
 * Browsers' sign-ins stored in the database ({@code signed_in_sessions}), so that every node of a cluster knows them
 * and a sign-in outlives the node that made it: the entity and its store. The cookie that carries the token is
 * {@code dev.whiteboard.security.SessionCaller}'s.
 */
package dev.whiteboard.security.sessions;
