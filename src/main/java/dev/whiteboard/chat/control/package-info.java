/**
 * The chat's rules: who may read and post in a conversation and who hears it ({@code ChatAccess}, {@code Audience}),
 * storing a message once per client id, history and unread counts ({@code ChatStore}), rooms with owner-only delete
 * ({@code ChatRooms}), the per-person rate limit and the typing throttle. Fires {@code ChatChange} inside the
 * transaction; knows neither REST nor the real-time service.
 */
package dev.whiteboard.chat.control;
