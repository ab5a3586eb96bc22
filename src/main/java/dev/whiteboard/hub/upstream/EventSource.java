package dev.whiteboard.hub.upstream;

import java.util.Optional;

/** The connection an upstream event is about: what its {@code ce-*} headers name, and its next event id. */
public interface EventSource {

    String id();

    String hub();

    Optional<String> userId();

    Optional<String> subprotocol();

    /** The {@code ce-connectionState} to send with its events; empty while there is none. */
    String connectionState();

    /** Keeps the state the event handler's answer set ({@code ce-connectionState}; empty clears it). */
    void connectionState(String state);

    /** The {@code ce-id} of the connection's next event (0 is its {@code connect}). */
    long nextEventId();
}
