package dev.whiteboard.chat.control;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.chat.entity.ChatRoom;
import dev.whiteboard.chat.entity.ChatRoomMember;
import dev.whiteboard.chat.entity.Conversation;
import dev.whiteboard.security.signin.KnownUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Who may read and post in a conversation, the one place that decides it, and who hears it. A board's chat:
 * anyone with a role on the board reads; editors and owners post, viewers too unless the owners turned that off.
 * A room: its members. A direct message: its two people, and only to someone with an account.
 */
@ApplicationScoped
@Transactional
public class ChatAccess {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    BoardAccess boards;

    @Inject
    KnownUsers users;

    /** The conversation's audience, if the user may read it; otherwise the failure saying why not. */
    public Audience mayRead(Conversation conversation, String user) {
        return check(conversation, user, false);
    }

    /** The conversation's audience, if the user may post in it; otherwise the failure saying why not. */
    public Audience mayPost(Conversation conversation, String user) {
        return check(conversation, user, true);
    }

    /** The room, or {@link ChatNotFoundException}. */
    public ChatRoom room(long roomId) {
        ChatRoom room = em.find(ChatRoom.class, roomId);
        if (room == null) {
            throw new ChatNotFoundException("there is no room " + roomId, "room");
        }
        return room;
    }

    public boolean isMember(long roomId, String user) {
        return em.find(ChatRoomMember.class, new ChatRoomMember.Key(roomId, user)) != null;
    }

    /** Lets viewers of the board post in its chat, or not (owners only); returns the setting. */
    public boolean letViewersChat(String boardId, String user, boolean allowed) {
        BoardAccess.Allowed owner = boards.require(boardId, user, BoardRole.OWNER);
        owner.board().letViewersChat(allowed);
        return allowed;
    }

    /** Whether viewers may post in the board's chat (for anyone on the board). */
    public boolean viewersMayChat(String boardId, String user) {
        return boards.require(boardId, user, BoardRole.VIEWER).board().viewersMayChat();
    }

    private Audience check(Conversation conversation, String user, boolean post) {
        if (conversation instanceof Conversation.Board board) {
            BoardAccess.Allowed allowed = boards.require(board.boardId(), user, BoardRole.VIEWER);
            if (post
                    && !allowed.role().includes(BoardRole.EDITOR)
                    && !allowed.board().viewersMayChat()) {
                throw new NotInConversationException("the board's owners turned chat off for viewers");
            }
            return new Audience.Group(BoardGroup.of(board.boardId()));
        }
        if (conversation instanceof Conversation.Room room) {
            room(room.roomId());
            if (!isMember(room.roomId(), user)) {
                throw new NotInConversationException("join the room first");
            }
            return new Audience.Group(room.group());
        }
        Conversation.Direct direct = (Conversation.Direct) conversation;
        if (!direct.includes(user)) {
            throw new NotInConversationException("a direct conversation is only for its two people");
        }
        String other = direct.other(user);
        if (post && !users.exists(other)) {
            throw new ChatNotFoundException("there is no user named " + other, "conversation");
        }
        return new Audience.Users(List.of(direct.a(), direct.b()));
    }
}
