package dev.whiteboard.runtime;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An event handler in this same server that the built-in hub may hand user events to in-process, instead of POSTing
 * them as CloudEvents over HTTP to its URL. The app's webhook registers one (a CDI bean); the hub discovers it and uses
 * it only when the event handler URL it would call is this handler's own path on this same server
 * ({@code whiteboard.hub.event-handler.in-process}, on by default). The semantics are those of the HTTP call: the
 * handler checks the event as its webhook would (the connection it connected as, the replay window of event ids; the
 * signature, token and abuse-protection handshake are left out, because nothing crosses a process boundary) and
 * answers with the status, body and connection state its HTTP answer would have.
 */
public interface LocalEventHandler {

    /** The path of this handler under the application's context path, e.g. {@code /eventhandler}. */
    String path();

    /**
     * Handles a user event. Events of one connection are taken in the order they are handed over (their processing
     * may overlap, but a feature that orders its work, e.g. per board, sees them in that order). The answer completes
     * when the handler has finished, e.g. after its transaction committed; it never completes exceptionally (a failure
     * is an answer with an error status).
     */
    CompletableFuture<Answer> userEvent(Event event);

    /**
     * A user event with the attributes its CloudEvent would carry.
     *
     * @param connectionState {@code ""} when the connection has none
     * @param contentType the data's content type, as in the HTTP call's {@code Content-Type}
     * @param text the data as text for JSON and text data; {@code null} for binary data
     * @param bytes the data's bytes for binary data; {@code null} otherwise
     */
    record Event(
            String hub,
            String connectionId,
            Optional<String> userId,
            Optional<String> subprotocol,
            String connectionState,
            long eventId,
            String name,
            String contentType,
            String text,
            byte[] bytes) {}

    /**
     * The handler's answer, as its HTTP response would be: the status, the body's content type and text (none for
     * 204), and the {@code ce-connectionState} it sets (empty: no header; {@code ""} clears the state).
     */
    record Answer(int status, String contentType, String body, Optional<String> connectionState) {

        public static Answer noContent() {
            return new Answer(204, null, null, Optional.empty());
        }

        public static Answer json(int status, String json) {
            return new Answer(status, "application/json", json, Optional.empty());
        }
    }
}
