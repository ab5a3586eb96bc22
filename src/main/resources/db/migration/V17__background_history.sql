-- The background image in the version history (issue 16). Portable SQL (H2 2.x, PostgreSQL 15).
--
-- A version names the background image it was taken with by its ref (the content's digest, as board_backgrounds
-- has it), and background_history keeps each image a version names once per board, whatever the number of versions
-- naming it: storage grows with the distinct images a board had, not with its versions. An image no version names
-- any more is deleted with the version that last named it, or by the retention job.

ALTER TABLE board_versions ADD COLUMN background_ref VARCHAR(64);
ALTER TABLE board_versions ADD COLUMN background_type VARCHAR(64);

CREATE TABLE background_history (
    board_id     VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    ref          VARCHAR(64)              NOT NULL,
    content_type VARCHAR(64)              NOT NULL,
    content      BYTEA                    NOT NULL,
    size_bytes   INTEGER                  NOT NULL,
    uploaded_by  VARCHAR(255)             NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT background_history_pk PRIMARY KEY (board_id, ref)
);

-- Versions taken before this migration did not record their image: the best known is the board's image now.
UPDATE board_versions SET
    background_ref = (SELECT b.ref FROM board_backgrounds b WHERE b.board_id = board_versions.board_id),
    background_type = (SELECT b.content_type FROM board_backgrounds b WHERE b.board_id = board_versions.board_id);

INSERT INTO background_history (board_id, ref, content_type, content, size_bytes, uploaded_by, uploaded_at)
    SELECT b.board_id, b.ref, b.content_type, b.content, b.size_bytes, b.uploaded_by, b.uploaded_at
    FROM board_backgrounds b
    WHERE EXISTS (SELECT 1 FROM board_versions v WHERE v.board_id = b.board_id);
