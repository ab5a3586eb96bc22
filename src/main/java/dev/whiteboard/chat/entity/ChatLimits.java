package dev.whiteboard.chat.entity;

import java.time.Duration;

/** Every limit of the chat, in one place. */
public final class ChatLimits {

    /** Longest message text, after trimming. */
    public static final int MAX_TEXT_LENGTH = 2000;
    /** Longest room name, after trimming. */
    public static final int MAX_ROOM_NAME_LENGTH = 80;
    /** Longest client id (the sender's idempotency key for a message). */
    public static final int MAX_CLIENT_ID_LENGTH = 64;
    /** Messages per page of history: the default and the most one request may ask for. */
    public static final int DEFAULT_PAGE = 50;

    public static final int MAX_PAGE = 200;
    /** The rate limit: at most this many messages per person in any window of this length (sliding). */
    public static final int MAX_MESSAGES_PER_WINDOW = 10;

    public static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    /** A person's typing notices in one conversation are relayed at most once per this interval. */
    public static final Duration TYPING_INTERVAL = Duration.ofSeconds(2);

    private ChatLimits() {}
}
