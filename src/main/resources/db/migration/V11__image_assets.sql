-- Image assets: the pictures image shapes show, stored once per board by content hash. Portable SQL (H2 2.x,
-- PostgreSQL 15).

CREATE TABLE board_assets (
    board_id     VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    asset_id     VARCHAR(64)              NOT NULL,
    content_type VARCHAR(64)              NOT NULL,
    content      BYTEA                    NOT NULL,
    size_bytes   INTEGER                  NOT NULL,
    width        INTEGER                  NOT NULL,
    height       INTEGER                  NOT NULL,
    uploaded_by  VARCHAR(255)             NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT board_assets_pk PRIMARY KEY (board_id, asset_id)
);

CREATE INDEX board_assets_uploaded_at ON board_assets (uploaded_at);

-- An image shape names one of its board's assets. The free-form src of the first schema was never written by the
-- page (only a REST client could) and cannot be resolved to an asset: such shapes are dropped with the column.
ALTER TABLE shapes ADD COLUMN asset_id VARCHAR(64);
DELETE FROM shapes WHERE kind = 'IMAGE';
ALTER TABLE shapes DROP COLUMN src;

CREATE INDEX shapes_board_asset ON shapes (board_id, asset_id);
