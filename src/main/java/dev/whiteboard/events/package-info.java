/**
 * The webhook the real-time service calls ({@code /eventhandler}): the abuse-protection {@code OPTIONS} handshake,
 * the {@code ce-signature} check, CloudEvents (HTTP binary mode) read into typed {@link dev.whiteboard.events.WebhookEvent}s,
 * and their dispatch to the features: {@code connect} to the one {@link dev.whiteboard.events.ConnectPolicy},
 * {@code connected}/{@code disconnected} as CDI events, user events to the {@link dev.whiteboard.events.UserEventHandler}
 * that names them. Nothing here knows boards or presence.
 */
package dev.whiteboard.events;
