-- Link access (issue 21, item 3): besides its members, who may open a board by its link. 'off' (members only),
-- 'view' (anyone signed in may view) or 'edit' (anyone signed in may edit). Portable SQL (H2 2.x, PostgreSQL 15).
ALTER TABLE boards ADD COLUMN link_access VARCHAR(8) DEFAULT 'off' NOT NULL;
