package dev.whiteboard.chat.boundary;

import dev.whiteboard.chat.control.Audience;
import dev.whiteboard.chat.control.ChatChange;
import dev.whiteboard.chat.entity.Conversation;
import dev.whiteboard.realtime.RealtimeService;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells a conversation's audience what the chat committed, after the transaction succeeded: a board's or room's
 * messages to its group, a direct message to every connection of both people (send-to-user, so it reaches them on
 * any board and on the boards list). Room membership follows the same path: whoever joins a room has their open
 * connections added to its group (new connections get their rooms' groups when they connect).
 */
@ApplicationScoped
public class ChatBroadcaster {

    @Inject
    RealtimeService realtime;

    void sent(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatChange.MessageSent sent) {
        deliver(sent.audience(), WireJson.write(new ChatMessages.Said(ChatMessages.MessageView.of(sent.message()))));
    }

    void joined(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatChange.JoinedRoom joined) {
        realtime.addUserToGroup(joined.user(), new Conversation.Room(joined.roomId()).group());
    }

    void left(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatChange.LeftRoom left) {
        realtime.removeUserFromGroup(left.user(), new Conversation.Room(left.roomId()).group());
    }

    /**
     * The room's members hear it is gone, then their connections leave its group (in the group's queue, so after
     * the news): nothing sent to the group later reaches them.
     */
    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatChange.RoomDeleted deleted) {
        String group = new Conversation.Room(deleted.roomId()).group();
        realtime.publish(
                group, WireJson.write(new ChatMessages.RoomDeleted(deleted.roomId(), deleted.name(), deleted.by())));
        deleted.members().forEach(member -> realtime.removeUserFromGroup(member, group));
    }

    /** Sends the message to the audience (queued; see {@link RealtimeService#publish}). */
    void deliver(Audience audience, String json) {
        if (audience instanceof Audience.Group group) {
            realtime.publish(group.group(), json);
        } else {
            ((Audience.Users) audience).users().forEach(user -> realtime.sendToUser(user, json));
        }
    }
}
