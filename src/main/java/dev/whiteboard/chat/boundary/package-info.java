/**
 * What the outside calls of the chat: the real-time user events {@code chatSend} and {@code chatTyping}
 * ({@code ChatEvents}), the REST API under {@code /api/chat} (history, read markers, unread counts, rooms, the board
 * chat's settings), the groups a connection joins for its rooms ({@code ChatConnectionGroups}), and the announcements
 * to the conversation's audience after the commit ({@code ChatBroadcaster}, {@code ChatMessages}).
 */
package dev.whiteboard.chat.boundary;
