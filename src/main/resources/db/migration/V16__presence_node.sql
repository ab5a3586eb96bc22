-- The cluster node that holds each live connection (whiteboard.cluster.node-id, or its random id per start), so that
-- a node forgets at start-up only its own rows and those of nodes that are gone, and sweeps only its own; empty on a
-- single node (no Redis configured) and for rows of older versions.
ALTER TABLE presence_connections ADD COLUMN node_id VARCHAR(64);

CREATE INDEX presence_connections_node ON presence_connections (node_id);
