-- Connectors (issue 15 item 5): a line's or an arrow's ends bound to other shapes of the board (the bound shape's id
-- and the end's place on it, as fractions of its box) and a label. Portable SQL (H2 2.x, PostgreSQL 15); shapes
-- drawn before it are bound to nothing. Bindings point at live shapes only: removing a shape drops the bindings to
-- it (BoardContent), so there is no foreign key (shape ids are the client's, unique per board, and rows stay as
-- tombstones).
ALTER TABLE shapes ADD COLUMN start_shape VARCHAR(64);
ALTER TABLE shapes ADD COLUMN start_x DOUBLE PRECISION;
ALTER TABLE shapes ADD COLUMN start_y DOUBLE PRECISION;
ALTER TABLE shapes ADD COLUMN end_shape VARCHAR(64);
ALTER TABLE shapes ADD COLUMN end_x DOUBLE PRECISION;
ALTER TABLE shapes ADD COLUMN end_y DOUBLE PRECISION;
ALTER TABLE shapes ADD COLUMN label VARCHAR(200);
CREATE INDEX shapes_start_shape ON shapes (board_id, start_shape);
CREATE INDEX shapes_end_shape ON shapes (board_id, end_shape);
