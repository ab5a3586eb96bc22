package dev.whiteboard.chat.boundary;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import dev.whiteboard.chat.control.ChatAccess;
import dev.whiteboard.chat.control.ChatStore;
import dev.whiteboard.chat.control.RateLimitedException;
import dev.whiteboard.chat.control.TypingThrottle;
import dev.whiteboard.chat.entity.Conversation;
import dev.whiteboard.errors.Failures;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.events.EventError;
import dev.whiteboard.events.UserEventHandler;
import dev.whiteboard.events.WebhookEvent;
import dev.whiteboard.runtime.JsonDepth;
import dev.whiteboard.security.NotSignedInException;
import dev.whiteboard.wire.StrictValues;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
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
    private static final int MAX_REQUEST_ID_LENGTH = 64;

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
    public Optional<String> handle(WebhookEvent.User event) {
        return CHAT_SEND.equals(event.name()) ? send(event) : typing(event);
    }

    private Optional<String> send(WebhookEvent.User event) {
        String requestId = null;
        String conversation = null;
        try {
            ChatMessages.Send send = read(event, ChatMessages.Send.class);
            conversation = send.conversation();
            requestId = send.requestId() != null ? send.requestId() : send.clientId();
            if (requestId != null && requestId.length() > MAX_REQUEST_ID_LENGTH) {
                requestId = null;
                throw new InvalidInputException(
                        "requestId", "requestId is at most " + MAX_REQUEST_ID_LENGTH + " characters");
            }
            ChatStore.Sent sent = store.send(user(event), send.conversation(), send.text(), send.clientId());
            return reply(ChatMessages.Result.ok(
                    CHAT_SEND, requestId, sent.message().conversation(), ChatMessages.MessageView.of(sent.message())));
        } catch (RuntimeException e) {
            if (requestId == null && conversation == null) {
                requestId = requestIdOf(event); // the body was refused as a whole: still answer to its request id
            }
            Long retryAfter = rateLimit(e);
            return reply(ChatMessages.Result.failed(
                    CHAT_SEND, requestId, canonical(conversation), Failures.describe(e), retryAfter));
        }
    }

    private Optional<String> typing(WebhookEvent.User event) {
        try {
            ChatMessages.TypingNotice notice = read(event, ChatMessages.TypingNotice.class);
            String user = user(event);
            Conversation conversation = Conversation.parse(notice.conversation());
            var audience = access.mayPost(conversation, user);
            if (typing.relay(user, conversation.key())) {
                broadcaster.deliver(audience, WireJson.write(new ChatMessages.Typing(conversation.key(), user)));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(WireJson.write(new EventError(CHAT_TYPING, Failures.describe(e))));
        }
    }

    private static <T> T read(WebhookEvent.User event, Class<T> type) {
        if (!event.isJson()) {
            throw new InvalidInputException("dataType", "chat events are JSON: send them with dataType json");
        }
        T read = WireJson.read(event.text(), type);
        if (read == null) {
            throw new InvalidInputException(null, "the event's data must be a JSON object");
        }
        return read;
    }

    /**
     * The request id ({@code requestId}, else {@code clientId}) of a message whose body could not be read as a whole
     * (a lone surrogate in its text, a number out of range), so the sender can match the refusal; {@code null} when
     * there is none to be read safely.
     */
    private static String requestIdOf(WebhookEvent.User event) {
        try {
            if (!event.isJson() || JsonDepth.exceeds(event.text(), JsonDepth.MAX_APP_DEPTH)) {
                return null;
            }
            try (JsonReader reader = JSON.createReader(new StringReader(event.text()))) {
                JsonObject data = reader.readObject();
                for (String key : new String[] {"requestId", "clientId"}) {
                    if (data.get(key) instanceof JsonString id && id.getString().length() <= MAX_REQUEST_ID_LENGTH) {
                        return StrictValues.wellFormed(id.getString());
                    }
                }
                return null;
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String user(WebhookEvent.User event) {
        return event.userId().orElseThrow(() -> new NotSignedInException("the event has no user id"));
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

    private static Optional<String> reply(ChatMessages.Result result) {
        return Optional.of(WireJson.write(result));
    }
}
