package dev.whiteboard.chat.boundary;

import dev.whiteboard.chat.control.ChatRooms;
import dev.whiteboard.chat.entity.Conversation;
import dev.whiteboard.events.ConnectionGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Every connection of a person (on a board or the boards list) joins the groups of the rooms they are in. */
@ApplicationScoped
public class ChatConnectionGroups implements ConnectionGroups {

    @Inject
    ChatRooms rooms;

    @Override
    public List<String> groupsOf(String user) {
        return rooms.roomsOf(user).stream()
                .map(id -> new Conversation.Room(id).group())
                .toList();
    }
}
