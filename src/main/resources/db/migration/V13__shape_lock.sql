-- Locked shapes (issue 15 item 6): a locked shape is not picked by a click or a marquee, and the board refuses every
-- change to it but unlocking. Portable SQL (H2 2.x, PostgreSQL 15); shapes drawn before it are not locked.
ALTER TABLE shapes ADD COLUMN locked BOOLEAN DEFAULT FALSE NOT NULL;
