/**
 * Chat beside the board and between people: board chats ({@code board:<id>}), rooms ({@code room:<id>}) and direct
 * messages ({@code dm:<a>:<b>}), stored with server ids (history, no duplicates across reconnects by the sender's
 * client id), sent as the real-time user event {@code chatSend} and announced after commit to the conversation's
 * audience (the board's group, the room's group, or both people through send-to-user), with unread counts and
 * typing notices. {@code entity} holds the tables and the limits, {@code control} the rules (who may read and post,
 * the rate limit), {@code boundary} the user events and the REST API under {@code /api/chat}.
 */
package dev.whiteboard.chat;
