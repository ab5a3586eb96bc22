package dev.whiteboard.chat.boundary;

import dev.whiteboard.chat.control.ChatRooms;
import dev.whiteboard.chat.entity.ChatMessage;
import dev.whiteboard.errors.ErrorBody;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The chat's messages on the real-time channel and in the REST API; every one has an example in the README. To a
 * conversation's audience: {@link Said} ({@code chatMessage}), {@link Typing}, {@link RoomDeleted}. To the client
 * that sent {@code chatSend}: {@link Result}.
 */
public final class ChatMessages {

    private ChatMessages() {}

    /**
     * A stored message: {@code {"id":42,"conversation":"board:k3m9x2p7qa","from":"alice","text":"hi",
     * "sentAt":"2026-11-22T23:30:00Z","clientId":"…"}}. The text is exactly what was sent (trimmed): pages show it
     * as text, never as HTML.
     */
    public record MessageView(
            long id, String conversation, String from, String text, OffsetDateTime sentAt, String clientId) {
        static MessageView of(ChatMessage message) {
            return new MessageView(
                    message.id(),
                    message.conversation(),
                    message.sender(),
                    message.text(),
                    message.sentAt(),
                    message.clientId());
        }
    }

    /** {@code {"type":"chatMessage","message":{…}}}: a new message in a conversation the receiver is in. */
    public record Said(String type, MessageView message) {
        Said(MessageView message) {
            this("chatMessage", message);
        }
    }

    /** {@code {"type":"typing","conversation":"…","user":"bob"}}: someone is typing (not stored). */
    public record Typing(String type, String conversation, String user) {
        Typing(String conversation, String user) {
            this("typing", conversation, user);
        }
    }

    /** {@code {"type":"roomDeleted","room":7,"conversation":"room:7","name":"…","by":"alice"}}. */
    public record RoomDeleted(String type, long room, String conversation, String name, String by) {
        RoomDeleted(long room, String name, String by) {
            this("roomDeleted", room, "room:" + room, name, by);
        }
    }

    /**
     * The outcome of {@code chatSend} for its sender: {@code ok} with the stored message (the one stored before, when
     * the clientId was sent before), or the error, whether sending again may succeed, and (rate limit) after how
     * many milliseconds.
     */
    public record Result(
            String type,
            String event,
            String requestId,
            String conversation,
            boolean ok,
            MessageView message,
            ErrorBody error,
            Boolean retryable,
            Long retryAfterMs) {

        static Result ok(String event, String requestId, String conversation, MessageView message) {
            return new Result("result", event, requestId, conversation, true, message, null, null, null);
        }

        static Result failed(String event, String requestId, String conversation, ErrorBody error, Long retryAfterMs) {
            return new Result(
                    "result",
                    event,
                    requestId,
                    conversation,
                    false,
                    null,
                    error,
                    error.retryable() || retryAfterMs != null,
                    retryAfterMs);
        }
    }

    /** {@code chatSend}: {@code {"conversation":"…","text":"…","clientId":"…"}} ({@code requestId} optional). */
    public record Send(String conversation, String text, String clientId, String requestId) {}

    /** {@code chatTyping}: {@code {"conversation":"…"}}. */
    public record TypingNotice(String conversation) {}

    /** A page of history: {@code {"conversation":"…","messages":[newest first],"more":true}}. */
    public record HistoryPage(String conversation, List<MessageView> messages, boolean more) {}

    /** {@code POST …/read}: {@code {"lastReadId":42}}; the answer is the same with the marker now stored. */
    public record ReadMarker(String conversation, Long lastReadId) {}

    /** {@code {"conversation":"dm:alice:bob","unread":2}}. */
    public record Unread(String conversation, long unread) {}

    /** {@code GET /api/chat/unread}: {@code {"total":3,"conversations":[…]}}. */
    public record UnreadCounts(long total, List<Unread> conversations) {}

    /** {@code {"id":7,"name":"Design","owner":"alice","conversation":"room:7","members":2,"member":true}}. */
    public record RoomView(
            long id,
            String name,
            String owner,
            String conversation,
            OffsetDateTime createdAt,
            long members,
            boolean member) {
        static RoomView of(ChatRooms.Listed listed) {
            return new RoomView(
                    listed.room().id(),
                    listed.room().name(),
                    listed.room().owner(),
                    listed.room().conversation().key(),
                    listed.room().createdAt(),
                    listed.members(),
                    listed.member());
        }
    }

    /** {@code POST /api/chat/rooms}: {@code {"name":"Design"}}. */
    public record NewRoom(String name) {}

    /** {@code /api/boards/{id}/chat-settings}: {@code {"viewersMayChat":false}}. */
    public record ChatSettings(Boolean viewersMayChat) {}
}
