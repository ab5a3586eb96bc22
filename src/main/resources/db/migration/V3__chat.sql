-- Chat: rooms, their members, messages of every conversation, read markers, the board's chat setting, and
-- presence for connections that are not on a board. Portable SQL (H2 2.x, PostgreSQL 15).

-- Whether viewers of a board may post in its chat (owners turn it off).
ALTER TABLE boards ADD COLUMN viewers_may_chat BOOLEAN DEFAULT TRUE NOT NULL;

-- Ids come from sequences (one number at a time, so ids grow in the order messages are stored): EclipseLink reads
-- generated identity columns in a way H2 2.x no longer supports.
CREATE SEQUENCE chat_room_ids START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE chat_message_ids START WITH 1 INCREMENT BY 1;

-- Chat rooms not tied to a board: anyone signed in may join; only the owner (the creator) deletes.
CREATE TABLE chat_rooms (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    name       VARCHAR(80)              NOT NULL,
    owner      VARCHAR(255)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE chat_room_members (
    room_id   BIGINT                   NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
    user_name VARCHAR(255)             NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chat_room_members_pk PRIMARY KEY (room_id, user_name)
);

CREATE INDEX chat_room_members_user ON chat_room_members (user_name);

-- Every message of every conversation (board:<id>, room:<id>, dm:<a>:<b>). The id is the server's, growing with
-- every message, so "newer than" and paging are by id. (sender, client_id) is unique: a message sent again after a
-- reconnect is found, not stored twice.
CREATE TABLE chat_messages (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    conversation VARCHAR(600)             NOT NULL,
    sender       VARCHAR(255)             NOT NULL,
    body         VARCHAR(2000)            NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    client_id    VARCHAR(64)              NOT NULL,
    CONSTRAINT chat_messages_client_id UNIQUE (sender, client_id)
);

CREATE INDEX chat_messages_conversation ON chat_messages (conversation, id);

-- The conversations a person follows, and the newest message they have read in each (unread counts).
CREATE TABLE chat_reads (
    user_name    VARCHAR(255) NOT NULL,
    conversation VARCHAR(600) NOT NULL,
    last_read_id BIGINT       DEFAULT 0 NOT NULL,
    CONSTRAINT chat_reads_pk PRIMARY KEY (user_name, conversation)
);

-- Connections that are not on a board (the boards list page) have presence too: their board is NULL.
ALTER TABLE presence_connections ALTER COLUMN board_id DROP NOT NULL;
