package dev.whiteboard.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A conversation someone follows (they sent or received a direct message, joined a room, or posted or read on a
 * board's chat) and the newest message they have read there: what unread counts are counted from.
 */
@Entity
@Table(name = "chat_reads")
@IdClass(ChatRead.Key.class)
@NamedQuery(name = ChatRead.DELETE_CONVERSATION, query = "DELETE FROM ChatRead r WHERE r.conversation = :conversation")
public class ChatRead {

    public static final String DELETE_CONVERSATION = "ChatRead.deleteConversation";

    @Id
    @Column(name = "user_name")
    private String user;

    @Id
    @Column(name = "conversation", length = 600)
    private String conversation;

    @Column(name = "last_read_id", nullable = false)
    private long lastReadId;

    /** The composite key: user and conversation. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String user;
        private String conversation;

        public Key() {}

        public Key(String user, String conversation) {
            this.user = user;
            this.conversation = conversation;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(user, k.user) && Objects.equals(conversation, k.conversation);
        }

        @Override
        public int hashCode() {
            return Objects.hash(user, conversation);
        }
    }

    protected ChatRead() {
        // for JPA
    }

    public ChatRead(String user, String conversation, long lastReadId) {
        this.user = Objects.requireNonNull(user);
        this.conversation = Objects.requireNonNull(conversation);
        this.lastReadId = lastReadId;
    }

    public long lastReadId() {
        return lastReadId;
    }

    /** Moves the marker forward (never back: reads arrive out of order from several tabs). */
    public void readUpTo(long id) {
        lastReadId = Math.max(lastReadId, id);
    }
}
