package dev.whiteboard.chat.control;

import dev.whiteboard.boards.control.BoardPurged;
import dev.whiteboard.chat.entity.ChatLimits;
import dev.whiteboard.chat.entity.ChatMessage;
import dev.whiteboard.chat.entity.ChatRead;
import dev.whiteboard.chat.entity.Conversation;
import dev.whiteboard.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages: sending (checked, rate-limited, stored once per client id), history (newest first, by id), read markers
 * and unread counts. Each method is one transaction; a new message is fired as {@link ChatChange.MessageSent} and
 * announced after the commit.
 */
@ApplicationScoped
@Transactional
public class ChatStore {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    ChatAccess access;

    @Inject
    RateLimit rateLimit;

    @Inject
    Event<ChatChange> changes;

    /**
     * A board is being purged: its chat goes with it, messages and read markers, in the purge's transaction. (While
     * the board is in the trash its chat is kept, unreadable like the board, and comes back with it.)
     */
    void boardPurged(@Observes BoardPurged purged) {
        deleteConversation(new Conversation.Board(purged.boardId()).key());
    }

    /** Deletes a conversation's messages and read markers (a purged board's, a deleted room's). */
    void deleteConversation(String key) {
        em.createNamedQuery(ChatMessage.DELETE_CONVERSATION)
                .setParameter("conversation", key)
                .executeUpdate();
        em.createNamedQuery(ChatRead.DELETE_CONVERSATION)
                .setParameter("conversation", key)
                .executeUpdate();
    }

    /** The stored message, and whether this call stored it ({@code false}: it was sent before with that client id). */
    public record Sent(ChatMessage message, boolean stored) {}

    /** A page of history, newest first, and whether there are older messages. */
    public record Page(String conversation, List<ChatMessage> messages, boolean more) {}

    /**
     * Stores the user's message, unless they sent one with this client id before: then that one is returned as
     * stored, whatever the text (a resend after a reconnect is the same message).
     */
    public Sent send(String user, String conversationKey, String text, String clientId) {
        String id = validClientId(clientId);
        String body = validText(text);
        Conversation conversation = Conversation.parse(conversationKey);
        List<ChatMessage> earlier = em.createNamedQuery(ChatMessage.BY_CLIENT_ID, ChatMessage.class)
                .setParameter("sender", user)
                .setParameter("clientId", id)
                .getResultList();
        if (!earlier.isEmpty()) {
            if (!earlier.get(0).conversation().equals(conversation.key())) {
                throw new InvalidInputException(
                        "clientId",
                        "this clientId was used for a message to another"
                                + " conversation; use a new one for every message");
            }
            return new Sent(earlier.get(0), false);
        }
        Audience audience = access.mayPost(conversation, user);
        rateLimit.take(user);
        // to the millisecond: what the database keeps, so the live message and the history say the same time
        OffsetDateTime sentAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        ChatMessage message = new ChatMessage(conversation.key(), user, body, id, sentAt);
        em.persist(message);
        em.flush();
        follow(user, conversation.key()).readUpTo(message.id());
        if (conversation instanceof Conversation.Direct direct) {
            follow(direct.other(user), conversation.key());
        }
        changes.fire(new ChatChange.MessageSent(message, audience));
        return new Sent(message, true);
    }

    /** Up to {@code limit} messages older than {@code before} (all when absent), newest first. */
    public Page history(String user, String conversationKey, Long before, Long limit) {
        Conversation conversation = Conversation.parse(conversationKey);
        access.mayRead(conversation, user);
        if (before != null && before < 1) {
            throw new InvalidInputException("before", "before is a message id (1 or more)");
        }
        if (limit != null && (limit < 1 || limit > ChatLimits.MAX_PAGE)) {
            throw new InvalidInputException("limit", "limit is 1 to " + ChatLimits.MAX_PAGE);
        }
        int size = limit == null ? ChatLimits.DEFAULT_PAGE : limit.intValue();
        List<ChatMessage> found = em.createNamedQuery(ChatMessage.NEWEST_FIRST, ChatMessage.class)
                .setParameter("conversation", conversation.key())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(size + 1)
                .getResultList();
        boolean more = found.size() > size;
        return new Page(conversation.key(), more ? List.copyOf(found.subList(0, size)) : found, more);
    }

    /** The user has read the conversation up to this message id; returns their marker (it never moves back). */
    public long read(String user, String conversationKey, Long lastReadId) {
        Conversation conversation = Conversation.parse(conversationKey);
        access.mayRead(conversation, user);
        if (lastReadId == null || lastReadId < 0) {
            throw new InvalidInputException(
                    "lastReadId", "lastReadId is the id of the newest message read (0 or more)");
        }
        ChatRead marker = follow(user, conversation.key());
        marker.readUpTo(lastReadId);
        return marker.lastReadId();
    }

    /** Per followed conversation with unread messages (from others), how many. */
    public Map<String, Long> unread(String user) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : em.createNamedQuery(ChatMessage.UNREAD, Object[].class)
                .setParameter("user", user)
                .getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The user's read marker in the conversation, made (at 0: nothing read) when they did not follow it yet. */
    ChatRead follow(String user, String conversationKey) {
        ChatRead marker = em.find(ChatRead.class, new ChatRead.Key(user, conversationKey));
        if (marker == null) {
            marker = new ChatRead(user, conversationKey, 0);
            em.persist(marker);
        }
        return marker;
    }

    /** The newest message's id in the conversation, 0 when there is none. */
    long newestId(String conversationKey) {
        Long newest = em.createNamedQuery(ChatMessage.NEWEST_ID, Long.class)
                .setParameter("conversation", conversationKey)
                .getSingleResult();
        return newest == null ? 0 : newest;
    }

    private static String validClientId(String clientId) {
        if (clientId == null
                || clientId.isBlank()
                || clientId.length() > ChatLimits.MAX_CLIENT_ID_LENGTH
                || clientId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "clientId",
                    "clientId (the message's own id, so that sending it again" + " stores it once) is 1 to "
                            + ChatLimits.MAX_CLIENT_ID_LENGTH + " characters");
        }
        return clientId;
    }

    /** Trims the text and checks its length; line breaks and tabs are kept, other control characters refused. */
    static String validText(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("text", "a message needs some text");
        }
        if (trimmed.length() > ChatLimits.MAX_TEXT_LENGTH) {
            throw new InvalidInputException(
                    "text", "a message is at most " + ChatLimits.MAX_TEXT_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidInputException("text", "a message cannot contain control characters");
        }
        return trimmed;
    }
}
