-- The identity provider's groups of each caller signed in through OpenID Connect, as of their latest sign-in or
-- bearer-token request: board access by group (and administrators) must also be decided for the real-time
-- service's webhook calls, which carry only a user id. Portable SQL (H2 2.x, PostgreSQL 15).
CREATE TABLE known_callers (
    user_name VARCHAR(255)             NOT NULL PRIMARY KEY,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE known_caller_groups (
    user_name  VARCHAR(255) NOT NULL REFERENCES known_callers (user_name) ON DELETE CASCADE,
    group_name VARCHAR(255) NOT NULL,
    CONSTRAINT known_caller_groups_pk PRIMARY KEY (user_name, group_name)
);
