/**
 * The chat's data: messages ({@code ChatMessage}, server ids, idempotent by the sender's client id), rooms and their
 * members, read markers ({@code ChatRead}), the conversation keys ({@code Conversation}: {@code board:}, {@code room:},
 * {@code dm:}) and every limit ({@code ChatLimits}). No rules about who may do what: those are in {@code control}.
 */
package dev.whiteboard.chat.entity;
