-- Boards, their shapes and background images. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

CREATE TABLE boards (
    id              VARCHAR(32)              NOT NULL PRIMARY KEY,
    title           VARCHAR(120)             NOT NULL,
    created_by      VARCHAR(255)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    background_ref  VARCHAR(64),
    background_type VARCHAR(64)
);

CREATE INDEX boards_created_at ON boards (created_at);

CREATE TABLE board_backgrounds (
    board_id     VARCHAR(32)              NOT NULL PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    content_type VARCHAR(64)              NOT NULL,
    content      BYTEA                    NOT NULL,
    size_bytes   INTEGER                  NOT NULL,
    ref          VARCHAR(64)              NOT NULL,
    uploaded_by  VARCHAR(255)             NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Start and increment equal the JPA allocation size (50): EclipseLink takes each value as the end of a
-- block of 50 ids, and Hibernate's pooled optimizer reads it the same way.
CREATE SEQUENCE shape_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE shapes (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    board_id     VARCHAR(32)              NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    shape_id     VARCHAR(64)              NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    stroke       VARCHAR(9)               NOT NULL,
    stroke_width DOUBLE PRECISION         NOT NULL,
    fill         VARCHAR(9),
    opacity      DOUBLE PRECISION         NOT NULL,
    points       VARCHAR(300000)          NOT NULL,
    text_value   VARCHAR(10000),
    src          VARCHAR(2048),
    z            BIGINT                   NOT NULL,
    author       VARCHAR(255)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL,
    removed      BOOLEAN                  NOT NULL,
    CONSTRAINT shapes_board_shape UNIQUE (board_id, shape_id)
);

CREATE INDEX shapes_board_live ON shapes (board_id, removed, z);
