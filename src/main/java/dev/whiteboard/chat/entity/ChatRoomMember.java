package dev.whiteboard.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Someone in a room. */
@Entity
@Table(name = "chat_room_members")
@IdClass(ChatRoomMember.Key.class)
@NamedQuery(
        name = ChatRoomMember.ROOMS_OF_USER,
        query = "SELECT m.roomId FROM ChatRoomMember m WHERE m.user = :user ORDER BY m.roomId")
@NamedQuery(
        name = ChatRoomMember.MEMBERS_OF_ROOM,
        query = "SELECT m.user FROM ChatRoomMember m WHERE m.roomId = :room ORDER BY m.user")
@NamedQuery(name = ChatRoomMember.DELETE_ROOM, query = "DELETE FROM ChatRoomMember m WHERE m.roomId = :room")
@NamedQuery(name = ChatRoomMember.COUNT_OF_ROOM, query = "SELECT COUNT(m) FROM ChatRoomMember m WHERE m.roomId = :room")
@NamedQuery(name = ChatRoomMember.COUNTS, query = "SELECT m.roomId, COUNT(m) FROM ChatRoomMember m GROUP BY m.roomId")
public class ChatRoomMember {

    public static final String ROOMS_OF_USER = "ChatRoomMember.roomsOfUser";
    public static final String COUNTS = "ChatRoomMember.counts";
    public static final String COUNT_OF_ROOM = "ChatRoomMember.countOfRoom";
    public static final String DELETE_ROOM = "ChatRoomMember.deleteRoom";
    public static final String MEMBERS_OF_ROOM = "ChatRoomMember.membersOfRoom";

    @Id
    @Column(name = "room_id")
    private long roomId;

    @Id
    @Column(name = "user_name")
    private String user;

    @Column(name = "joined_at", nullable = false)
    private OffsetDateTime joinedAt;

    /** The composite key: room and user. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long roomId;
        private String user;

        public Key() {}

        public Key(long roomId, String user) {
            this.roomId = roomId;
            this.user = user;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && roomId == k.roomId && Objects.equals(user, k.user);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roomId, user);
        }
    }

    protected ChatRoomMember() {
        // for JPA
    }

    public ChatRoomMember(long roomId, String user, OffsetDateTime joinedAt) {
        this.roomId = roomId;
        this.user = Objects.requireNonNull(user);
        this.joinedAt = Objects.requireNonNull(joinedAt);
    }
}
