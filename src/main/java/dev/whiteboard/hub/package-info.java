/**
 * The built-in hub: a Web PubSub-compatible service inside the WAR, so that intranets without the cloud
 * service, developers and every test run the same protocol as Azure Web PubSub
 * ({@code shared/docs/webpubsub-protocol.md} is its specification). So far: its access keys and the
 * verification of client access tokens; the client endpoint, the REST API and upstream events follow.
 */
package dev.whiteboard.hub;
