-- Browsers signed in through the page (built-in accounts or the OpenID Connect provider), stored so that every node of
-- a cluster knows them: a session signed in on one node works on the others, and outlives the node that made it. The
-- browser's cookie holds a random token; only its SHA-256 hash is stored here, so this table signs nobody in. A row
-- ends at sign-out, when its account is disabled, and when it was not used for the idle time
-- (dev.whiteboard.security.sessions.StoredSessions). Portable SQL (H2 2.x, PostgreSQL 15).
CREATE TABLE signed_in_sessions (
    token_hash   VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_name    VARCHAR(255)             NOT NULL,
    user_groups  VARCHAR(10000)           NOT NULL,
    id_token     VARCHAR(10000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX signed_in_sessions_user ON signed_in_sessions (user_name);
CREATE INDEX signed_in_sessions_expiry ON signed_in_sessions (expires_at);
