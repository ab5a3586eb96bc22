package dev.whiteboard.chat.control;

import dev.whiteboard.chat.entity.ChatMessage;
import java.util.List;

/** What the chat committed, fired inside the transaction and announced after it succeeded. */
public sealed interface ChatChange {

    /** A new message was stored (a message sent again by its client id is not new). */
    record MessageSent(ChatMessage message, Audience audience) implements ChatChange {}

    /** Someone joined a room: their connections join its group. */
    record JoinedRoom(long roomId, String user) implements ChatChange {}

    /** Someone left a room: their connections leave its group. */
    record LeftRoom(long roomId, String user) implements ChatChange {}

    /**
     * The owner deleted the room (its messages and members are gone); {@code members} were in it until then: their
     * connections leave its group.
     */
    record RoomDeleted(long roomId, String name, String by, List<String> members) implements ChatChange {
        public RoomDeleted {
            members = List.copyOf(members);
        }
    }
}
