/**
 * The app's side of the real-time service: which service it is (a connection string: Azure Web PubSub, or the
 * built-in hub by default), client access URLs for {@code negotiate}, and messages to groups through the official
 * SDK ({@code azure-messaging-webpubsub}). The app never knows which service it talks to beyond this package. The
 * webhook the service calls lives in {@code dev.whiteboard.events}.
 */
package dev.whiteboard.realtime;
