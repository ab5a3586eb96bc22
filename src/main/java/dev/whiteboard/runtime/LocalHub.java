package dev.whiteboard.runtime;

/**
 * The built-in hub's sending, offered in-process to the app when the app's real-time service is that same hub: a
 * JSON message to a group or to a user's connections, exactly as the REST API's {@code groups/{group}/:send} and
 * {@code users/{user}/:send} with {@code Content-Type: application/json} would deliver it, without the HTTP round
 * trip. The app's client of the service uses it only for the built-in hub ({@code whiteboard.realtime.in-process});
 * with Azure Web PubSub it goes through the official SDK.
 */
public interface LocalHub {

    /** Whether the hub runs in this server (it is off when the app is configured for Azure Web PubSub). */
    boolean enabled();

    /** Delivers the JSON text to every connection in the group of the hub; an invalid one is an IllegalArgumentException. */
    void sendToGroup(String hub, String group, String json);

    /** Delivers the JSON text to every connection of the user in the hub. */
    void sendToUser(String hub, String user, String json);
}
