package dev.whiteboard.events;

import java.util.List;

/**
 * Decides whether a client may connect, and with which groups and Web PubSub roles. One feature provides it (the
 * boards); a refusal is a {@code WhiteboardException} whose kind gives the handshake's status (401, 403, 404, 400).
 */
public interface ConnectPolicy {

    Answer connect(WebhookEvent.Connect event);

    /** The groups the connection joins at once and the roles it has (replacing its token's). */
    record Answer(List<String> groups, List<String> roles) {
        public Answer {
            groups = List.copyOf(groups);
            roles = List.copyOf(roles);
        }
    }
}
