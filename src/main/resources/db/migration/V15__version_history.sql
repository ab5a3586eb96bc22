-- Version history (issue 16). Portable SQL (H2 2.x, PostgreSQL 15).
--
-- shape_history keeps every state a shape was committed in: each change to a board copies the shape rows it wrote
-- (those whose version it gave) here, with who made it. A board's content at version V is, for each shape, its latest
-- row at or before V, unless that row says removed. Storage grows with what changed, never with board size times
-- versions: a version (board_versions) is only a label on a board version, so a checkpoint of a 10,000-shape board is
-- one row. Rows older than the oldest version kept are pruned down to the one each shape needs.

CREATE TABLE shape_history (
    board_id     VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    shape_id     VARCHAR(64)              NOT NULL,
    version      BIGINT                   NOT NULL,
    removed      BOOLEAN                  NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    stroke       VARCHAR(9)               NOT NULL,
    stroke_width DOUBLE PRECISION         NOT NULL,
    fill         VARCHAR(9),
    opacity      DOUBLE PRECISION         NOT NULL,
    points       VARCHAR(300000)          NOT NULL,
    text_value   VARCHAR(10000),
    asset_id     VARCHAR(64),
    z            BIGINT                   NOT NULL,
    rotation     DOUBLE PRECISION         NOT NULL,
    locked       BOOLEAN                  NOT NULL,
    start_shape  VARCHAR(64),
    start_x      DOUBLE PRECISION,
    start_y      DOUBLE PRECISION,
    end_shape    VARCHAR(64),
    end_x        DOUBLE PRECISION,
    end_y        DOUBLE PRECISION,
    label        VARCHAR(200),
    author       VARCHAR(255)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(255)             NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT shape_history_pk PRIMARY KEY (board_id, shape_id, version)
);

CREATE INDEX shape_history_board_version ON shape_history (board_id, version);
CREATE INDEX shape_history_board_asset ON shape_history (board_id, asset_id);
CREATE INDEX shape_history_changed_at ON shape_history (changed_at);

-- What each change copies: the shape rows of a board written since a version.
CREATE INDEX shapes_board_version ON shapes (board_id, version);

-- The history starts with the shapes as they are (live and removed), each as its last change left it.
INSERT INTO shape_history (board_id, shape_id, version, removed, kind, stroke, stroke_width, fill, opacity, points,
        text_value, asset_id, z, rotation, locked, start_shape, start_x, start_y, end_shape, end_x, end_y, label,
        author, created_at, changed_by, changed_at)
    SELECT board_id, shape_id, version, removed, kind, stroke, stroke_width, fill, opacity, points, text_value,
        asset_id, z, rotation, locked, start_shape, start_x, start_y, end_shape, end_x, end_y, label, author, created_at,
        author, updated_at
    FROM shapes;

-- A version: the board as it was at board version `version`, automatic (a checkpoint, with the reason it was taken)
-- or named (a label and a description). Counts and contributors: since the version before it, when it was taken.
CREATE TABLE board_versions (
    id               VARCHAR(32)              NOT NULL PRIMARY KEY,
    board_id         VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    version          BIGINT                   NOT NULL,
    kind             VARCHAR(16)              NOT NULL,
    reason           VARCHAR(16),
    label            VARCHAR(100),
    description      VARCHAR(1000),
    background_color VARCHAR(9),
    created_by       VARCHAR(255)             NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    added            INTEGER                  NOT NULL,
    changed          INTEGER                  NOT NULL,
    removed          INTEGER                  NOT NULL,
    contributors     VARCHAR(2000)            NOT NULL
);

CREATE INDEX board_versions_board ON board_versions (board_id, version);
CREATE INDEX board_versions_created_at ON board_versions (kind, created_at);

-- Who did what on a board, when: one row per action; consecutive changes of shapes by one person within a few
-- minutes add up in one row (count).
CREATE SEQUENCE board_activity_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE board_activity (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    board_id   VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    acted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name  VARCHAR(255)             NOT NULL,
    action     VARCHAR(16)              NOT NULL,
    item_count INTEGER                  NOT NULL,
    detail     VARCHAR(300),
    version    BIGINT                   NOT NULL
);

CREATE INDEX board_activity_board ON board_activity (board_id, id);

-- What each person last saw of a board ("changes since my last visit").
CREATE TABLE board_visits (
    board_id  VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    user_name VARCHAR(255)             NOT NULL,
    version   BIGINT                   NOT NULL,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT board_visits_pk PRIMARY KEY (board_id, user_name)
);
