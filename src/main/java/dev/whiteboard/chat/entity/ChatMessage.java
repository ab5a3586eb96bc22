package dev.whiteboard.chat.entity;

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

/** One stored message: its id (the server's, growing), conversation, sender, text (verbatim) and time. */
@Entity
@Table(name = "chat_messages")
@NamedQuery(
        name = ChatMessage.BY_CLIENT_ID,
        query = "SELECT m FROM ChatMessage m WHERE m.sender = :sender AND m.clientId = :clientId")
@NamedQuery(
        name = ChatMessage.NEWEST_FIRST,
        query =
                "SELECT m FROM ChatMessage m WHERE m.conversation = :conversation AND m.id < :before ORDER BY m.id DESC")
@NamedQuery(
        name = ChatMessage.UNREAD,
        query = "SELECT r.conversation, COUNT(m) FROM ChatRead r, ChatMessage m WHERE r.user = :user"
                + " AND m.conversation = r.conversation AND m.id > r.lastReadId AND m.sender <> :user"
                + " GROUP BY r.conversation")
@NamedQuery(
        name = ChatMessage.NEWEST_ID,
        query = "SELECT MAX(m.id) FROM ChatMessage m WHERE m.conversation = :conversation")
@NamedQuery(
        name = ChatMessage.DELETE_CONVERSATION,
        query = "DELETE FROM ChatMessage m WHERE m.conversation = :conversation")
public class ChatMessage {

    public static final String BY_CLIENT_ID = "ChatMessage.byClientId";
    public static final String NEWEST_FIRST = "ChatMessage.newestFirst";
    public static final String UNREAD = "ChatMessage.unread";
    public static final String NEWEST_ID = "ChatMessage.newestId";
    public static final String DELETE_CONVERSATION = "ChatMessage.deleteConversation";

    @Id
    @SequenceGenerator(name = "ChatMessageIds", sequenceName = "chat_message_ids", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ChatMessageIds")
    @Column(name = "id")
    private Long id;

    @Column(name = "conversation", nullable = false, length = 600)
    private String conversation;

    @Column(name = "sender", nullable = false)
    private String sender;

    @Column(name = "body", nullable = false, length = ChatLimits.MAX_TEXT_LENGTH)
    private String text;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    @Column(name = "client_id", nullable = false, length = ChatLimits.MAX_CLIENT_ID_LENGTH)
    private String clientId;

    protected ChatMessage() {
        // for JPA
    }

    public ChatMessage(String conversation, String sender, String text, String clientId, OffsetDateTime sentAt) {
        this.conversation = Objects.requireNonNull(conversation);
        this.sender = Objects.requireNonNull(sender);
        this.text = Objects.requireNonNull(text);
        this.clientId = Objects.requireNonNull(clientId);
        this.sentAt = Objects.requireNonNull(sentAt);
    }

    public long id() {
        return id;
    }

    public String conversation() {
        return conversation;
    }

    public String sender() {
        return sender;
    }

    public String text() {
        return text;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public String clientId() {
        return clientId;
    }
}
