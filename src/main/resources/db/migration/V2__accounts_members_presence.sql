-- Built-in accounts, board roles, the background colour, and presence. Portable SQL (H2 2.x, PostgreSQL 15).

-- Built-in accounts (the out-of-the-box identity store): PBKDF2 password hashes, never passwords.
CREATE TABLE accounts (
    name          VARCHAR(64)              NOT NULL PRIMARY KEY,
    display_name  VARCHAR(100)             NOT NULL,
    password_hash VARCHAR(512)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Roles granted on a board by its owners. The creator is an owner without a row; everyone else signed in
-- has the configured default role unless granted one here.
CREATE TABLE board_members (
    board_id   VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    user_name  VARCHAR(255)             NOT NULL,
    role       VARCHAR(16)              NOT NULL,
    granted_by VARCHAR(255)             NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT board_members_pk PRIMARY KEY (board_id, user_name)
);

CREATE INDEX board_members_user ON board_members (user_name);

ALTER TABLE boards ADD COLUMN background_color VARCHAR(9);

-- How many live shapes a board has, kept by every change under the board's lock: the board limit is then checked
-- without counting the shapes on every put.
ALTER TABLE boards ADD COLUMN live_shapes INTEGER DEFAULT 0 NOT NULL;
UPDATE boards SET live_shapes = (SELECT COUNT(*) FROM shapes s WHERE s.board_id = boards.id AND s.removed = FALSE);

-- One row per real-time connection on a board: written when the service asks whether the connection may open
-- (state CONNECTING), confirmed when it is open (ACTIVE or AWAY), removed when it ends. Kept in the database so
-- that presence survives a restart of the app while the service keeps the connections (Azure).
CREATE TABLE presence_connections (
    connection_id VARCHAR(128)             NOT NULL PRIMARY KEY,
    board_id      VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    user_name     VARCHAR(255)             NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX presence_connections_board ON presence_connections (board_id, user_name);
