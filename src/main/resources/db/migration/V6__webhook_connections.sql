-- The connections the webhook saw connect, with the user each connected as: user events (and disconnected) are
-- taken only for a connection recorded here and only with its user, since the service's ce-signature covers the
-- connection id alone. A row stays after the connection ended (ended_at set) so that a forged connect cannot bring
-- an ended connection id back; rows are pruned when old. Kept in the database because Azure's connections outlive
-- a restart of the app and any app node may receive any connection's events. Portable SQL (H2 2.x, PostgreSQL 15).
CREATE TABLE webhook_connections (
    connection_id VARCHAR(128)             NOT NULL PRIMARY KEY,
    hub           VARCHAR(128)             NOT NULL,
    user_name     VARCHAR(255)             NOT NULL,
    connected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX webhook_connections_age ON webhook_connections (connected_at);
