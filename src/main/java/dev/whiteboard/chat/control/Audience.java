package dev.whiteboard.chat.control;

import java.util.List;

/** Who hears a conversation on the real-time channel: a group (a board's, a room's) or some people (a DM's two). */
public sealed interface Audience {

    record Group(String group) implements Audience {}

    record Users(List<String> users) implements Audience {
        public Users {
            users = List.copyOf(users);
        }
    }
}
