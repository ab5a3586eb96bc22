-- Failed sign-ins, per account name and per client address, shared by every node of a cluster (they share the
-- database): how many in a row, when the latest was, and until when further attempts are refused (the growing
-- delay of dev.whiteboard.security.SignInThrottle). A row is deleted when its account signs in, and forgotten
-- some time after its latest failure. Portable SQL (H2 2.x, PostgreSQL 15).
CREATE TABLE sign_in_failures (
    subject         VARCHAR(200)             NOT NULL PRIMARY KEY,
    failures        INTEGER                  NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX sign_in_failures_last ON sign_in_failures (last_failure_at);
