package dev.whiteboard.chat.entity;

import dev.whiteboard.errors.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A chat room not tied to a board; its creator owns it (only they delete it). */
@Entity
@Table(name = "chat_rooms")
@NamedQuery(name = ChatRoom.ALL, query = "SELECT r FROM ChatRoom r ORDER BY r.name, r.id")
public class ChatRoom {

    public static final String ALL = "ChatRoom.all";

    @Id
    @SequenceGenerator(name = "ChatRoomIds", sequenceName = "chat_room_ids", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ChatRoomIds")
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, length = ChatLimits.MAX_ROOM_NAME_LENGTH)
    private String name;

    @Column(name = "owner", nullable = false)
    private String owner;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected ChatRoom() {
        // for JPA
    }

    public ChatRoom(String name, String owner, OffsetDateTime createdAt) {
        this.name = validName(name);
        this.owner = Objects.requireNonNull(owner);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Trims the name and checks it is there, not too long, and without control characters. */
    public static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "a room needs a name");
        }
        if (trimmed.length() > ChatLimits.MAX_ROOM_NAME_LENGTH) {
            throw new InvalidInputException(
                    "name", "a room name is at most " + ChatLimits.MAX_ROOM_NAME_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "a room name cannot contain control characters");
        }
        return trimmed;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Conversation.Room conversation() {
        return new Conversation.Room(id);
    }
}
