/**
 * Who is on each board, and who is online anywhere ({@code GET /api/presence}: a connection on the boards list has
 * no board): people, not connections (two tabs count once), with an active/away state the client
 * reports. Connections are recorded when the board accepts them, confirmed by {@code connected}, dropped by
 * {@code disconnected}; the list is announced to the board's group whenever it changes. Rows live in the database,
 * so presence survives an app restart while Azure keeps the connections; with the built-in hub (whose connections
 * end with the app) the rows are cleared at start-up. Each row also keeps the board role its connection holds, so
 * that {@link dev.whiteboard.presence.LiveRoles} can bring open connections in step when roles change (closing
 * them, or taking away or giving back {@code sendToGroup}).
 */
package dev.whiteboard.presence;
