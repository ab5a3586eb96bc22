-- The board role a live connection was admitted with (or last re-evaluated to), so that a change of roles reaches
-- open connections: a connection whose role is gone is closed, one lowered to viewer loses sendToGroup, and the
-- periodic re-check acts only where the role changed. Empty for the lobby and for rows of older versions.
ALTER TABLE presence_connections ADD COLUMN board_role VARCHAR(16);

CREATE INDEX presence_connections_user ON presence_connections (user_name);
