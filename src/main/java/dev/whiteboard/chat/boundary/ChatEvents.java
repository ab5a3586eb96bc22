package dev.whiteboard.chat.boundary;

import dev.whiteboard.chat.control.ChatAccess;
import dev.whiteboard.chat.control.ChatStore;
import dev.whiteboard.chat.control.RateLimitedException;
import dev.whiteboard.chat.control.TypingThrottle;
import dev.whiteboard.chat.entity.Conversation;
import dev.whiteboard.errors.ErrorBody;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.events.EventError;
import dev.whiteboard.events.UserEvent;
import dev.whiteboard.events.UserEventHandler;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * The chat's user events. {@code chatSend} ({@code {"conversation":"board:…","text":"hi","clientId":"c-1"}}) is
 * checked and stored by {@link ChatStore} as the event's user (the service's {@code ce-userId}, never anything in
 * the body) and answered with a {@link ChatMessages.Result} carrying the stored message or the failure (rate limit
 * included); the message itself reaches the conversation's audience after the commit ({@link ChatBroadcaster}).
 * {@code chatTyping} ({@code {"conversation":"…"}}) is relayed to the audience as {@link ChatMessages.Typing}
 * (throttled, not stored), with no reply unless it is refused.
 */
@ApplicationScoped
public class ChatEvents implements UserEventHandler {

    static final String CHAT_SEND = "chatSend";
    static final String CHAT_TYPING = "chatTyping";

    @Inject
    ChatStore store;

    @Inject
    ChatAccess access;

    @Inject
    TypingThrottle typing;

    @Inject
    ChatBroadcaster broadcaster;

    @Override
    public Set<String> events() {
        return Set.of(CHAT_SEND, CHAT_TYPING);
    }

    @Override
    public Optional<Object> handle(UserEvent event) {
        return CHAT_SEND.equals(event.name()) ? send(event) : typing(event);
    }

    /** An event whose envelope could not be read: answered in the event's own reply format, repeating nothing. */
    @Override
    public Object refused(String event, ErrorBody error) {
        return CHAT_SEND.equals(event)
                ? ChatMessages.Result.failed(CHAT_SEND, null, null, error, null)
                : new EventError(event, error);
    }

    private Optional<Object> send(UserEvent event) {
        // the reply repeats requestId, else the clientId: read from the envelope, so a body refused as a whole
        // (a lone surrogate in its text, a number out of range) is still answered to its request
        String requestId = event.requestId() != null
                ? event.requestId()
                : event.string("clientId")
                        .filter(id -> id.length() <= UserEvent.MAX_REQUEST_ID_LENGTH)
                        .orElse(null);
        String conversation = event.string("conversation").orElse(null);
        try {
            ChatMessages.Send send = event.bind(ChatMessages.Send.class);
            ChatStore.Sent sent = store.send(event.user(), send.conversation(), send.text(), send.clientId());
            return Optional.of(ChatMessages.Result.ok(
                    CHAT_SEND, requestId, sent.message().conversation(), ChatMessages.MessageView.of(sent.message())));
        } catch (RuntimeException e) {
            return Optional.of(ChatMessages.Result.failed(
                    CHAT_SEND, requestId, canonical(conversation), Failures.describe(e), rateLimit(e)));
        }
    }

    private Optional<Object> typing(UserEvent event) {
        try {
            ChatMessages.TypingNotice notice = event.bind(ChatMessages.TypingNotice.class);
            String user = event.user();
            Conversation conversation = Conversation.parse(notice.conversation());
            var audience = access.mayPost(conversation, user);
            if (typing.relay(user, conversation.key())) {
                broadcaster.deliver(audience, WireJson.write(new ChatMessages.Typing(conversation.key(), user)));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(new EventError(CHAT_TYPING, Failures.describe(e)));
        }
    }

    /** The conversation's canonical key when it has one; as sent otherwise. */
    private static String canonical(String conversation) {
        try {
            return Conversation.parse(conversation).key();
        } catch (RuntimeException malformed) {
            return conversation;
        }
    }

    private static Long rateLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RateLimitedException limited) {
                return Math.max(1, limited.retryAfter().toMillis());
            }
        }
        return null;
    }
}
