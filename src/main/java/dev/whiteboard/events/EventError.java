package dev.whiteboard.events;

import dev.whiteboard.errors.ErrorBody;

/**
 * The reply to a user event that failed outside a feature's own result format:
 * {@code {"type":"error","event":"presence","error":{…}}} (the REST error body).
 */
public record EventError(String type, String event, ErrorBody error) {

    public EventError(String event, ErrorBody error) {
        this("error", event, error);
    }
}
