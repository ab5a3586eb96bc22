-- The board lifecycle: renamed and changed boards, the trash, stars. Portable SQL (H2 2.x, PostgreSQL 15).

-- When a board last changed (its content, background or title) and by whom: lists sort by it. Boards made before
-- this migration changed last when they were made, as far as anyone can tell.
ALTER TABLE boards ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE boards ADD COLUMN changed_by VARCHAR(255);
UPDATE boards SET changed_at = created_at, changed_by = created_by;
ALTER TABLE boards ALTER COLUMN changed_at SET NOT NULL;
ALTER TABLE boards ALTER COLUMN changed_by SET NOT NULL;

-- A board in the trash has deleted_at set: it is in no list but the trash of its owners, and is purged (with
-- everything that belongs to it) some days later.
ALTER TABLE boards ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE boards ADD COLUMN deleted_by VARCHAR(255);

CREATE INDEX boards_changed_at ON boards (changed_at);
CREATE INDEX boards_deleted_at ON boards (deleted_at);
CREATE INDEX boards_created_by ON boards (created_by);

-- The boards each person starred (a person's own bookmark: nobody else sees it).
CREATE TABLE board_stars (
    user_name  VARCHAR(255)             NOT NULL,
    board_id   VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    starred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT board_stars_pk PRIMARY KEY (user_name, board_id)
);

CREATE INDEX board_stars_board ON board_stars (board_id);
