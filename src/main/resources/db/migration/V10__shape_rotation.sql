-- Rotation of shapes (issue 15): a clockwise turn about the centre of the shape's box, in degrees in [0, 360).
-- Portable SQL (H2 2.x, PostgreSQL 15); shapes drawn before it are not turned.
ALTER TABLE shapes ADD COLUMN rotation DOUBLE PRECISION DEFAULT 0 NOT NULL;
