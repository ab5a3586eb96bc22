/**
 * The JSON client subprotocols ({@code json.webpubsub.azure.v1}, {@code json.reliable.webpubsub.azure.v1}) as
 * typed messages: {@link dev.whiteboard.hub.protocol.ClientFrame} and its decoder for what clients send,
 * {@link dev.whiteboard.hub.protocol.ServerFrames} for what the hub sends. No I/O here.
 */
package dev.whiteboard.hub.protocol;
