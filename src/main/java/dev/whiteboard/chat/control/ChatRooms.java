package dev.whiteboard.chat.control;

import dev.whiteboard.chat.entity.ChatRead;
import dev.whiteboard.chat.entity.ChatRoom;
import dev.whiteboard.chat.entity.ChatRoomMember;
import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.WhiteboardException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chat rooms: anyone signed in lists, creates (and then owns), joins and leaves them; only the owner deletes one,
 * decided here. Joining and leaving are fired as {@link ChatChange}s so the person's connections join or leave the
 * room's group after the commit.
 */
@ApplicationScoped
@Transactional
public class ChatRooms {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    ChatAccess access;

    @Inject
    ChatStore store;

    @Inject
    Event<ChatChange> changes;

    /** A room as a person sees it: how many are in it and whether they are. */
    public record Listed(ChatRoom room, long members, boolean member) {}

    public List<Listed> list(String user) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row :
                em.createNamedQuery(ChatRoomMember.COUNTS, Object[].class).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        Set<Long> mine = new HashSet<>(roomsOf(user));
        return em.createNamedQuery(ChatRoom.ALL, ChatRoom.class).getResultList().stream()
                .map(r -> new Listed(r, counts.getOrDefault(r.id(), 0L), mine.contains(r.id())))
                .toList();
    }

    /** Creates a room; its creator owns it and is its first member. */
    public Listed create(String user, String name) {
        ChatRoom room = new ChatRoom(name, user, now());
        em.persist(room);
        em.flush();
        em.persist(new ChatRoomMember(room.id(), user, now()));
        store.follow(user, room.conversation().key());
        changes.fire(new ChatChange.JoinedRoom(room.id(), user));
        return new Listed(room, 1, true);
    }

    /** Joins the room (again: nothing changes); its history is there to read, none of it counted unread. */
    public Listed join(String user, long roomId) {
        ChatRoom room = access.room(roomId);
        if (!access.isMember(roomId, user)) {
            em.persist(new ChatRoomMember(roomId, user, now()));
            String key = room.conversation().key();
            store.follow(user, key).readUpTo(store.newestId(key));
            changes.fire(new ChatChange.JoinedRoom(roomId, user));
        }
        em.flush();
        return listed(room, user);
    }

    /** Leaves the room (when not in it: nothing changes). The owner may leave and still owns it. */
    public void leave(String user, long roomId) {
        ChatRoom room = access.room(roomId);
        ChatRoomMember member = em.find(ChatRoomMember.class, new ChatRoomMember.Key(roomId, user));
        if (member != null) {
            em.remove(member);
            ChatRead marker = em.find(
                    ChatRead.class, new ChatRead.Key(user, room.conversation().key()));
            if (marker != null) {
                em.remove(marker);
            }
            changes.fire(new ChatChange.LeftRoom(roomId, user));
        }
    }

    /** Deletes the room with its messages: only its owner may. */
    public void delete(String user, long roomId) {
        ChatRoom room = access.room(roomId);
        if (!room.owner().equals(user)) {
            throw new NotRoomOwnerException();
        }
        String key = room.conversation().key();
        List<String> members = em.createNamedQuery(ChatRoomMember.MEMBERS_OF_ROOM, String.class)
                .setParameter("room", roomId)
                .getResultList();
        store.deleteConversation(key);
        em.createNamedQuery(ChatRoomMember.DELETE_ROOM)
                .setParameter("room", roomId)
                .executeUpdate();
        em.remove(room);
        changes.fire(new ChatChange.RoomDeleted(roomId, room.name(), user, members));
    }

    /** The ids of the rooms the user is in. */
    public List<Long> roomsOf(String user) {
        return em.createNamedQuery(ChatRoomMember.ROOMS_OF_USER, Long.class)
                .setParameter("user", user)
                .getResultList();
    }

    private Listed listed(ChatRoom room, String user) {
        long members = em.createNamedQuery(ChatRoomMember.COUNT_OF_ROOM, Long.class)
                .setParameter("room", room.id())
                .getSingleResult();
        return new Listed(room, members, access.isMember(room.id(), user));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Someone other than the owner tried to delete a room. */
    public static class NotRoomOwnerException extends WhiteboardException {
        private static final long serialVersionUID = 1L;

        NotRoomOwnerException() {
            super(ErrorKind.FORBIDDEN, "only the room's owner may delete it", null);
        }
    }
}
