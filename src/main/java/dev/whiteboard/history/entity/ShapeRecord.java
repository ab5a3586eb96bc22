package dev.whiteboard.history.entity;

import dev.whiteboard.boards.entity.ShapeColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One state a shape was committed in: its content, whether the change removed it, the board version of the change
 * and who made it. Rows are written by the database from the shape rows a change wrote ({@code HistoryRecorder}),
 * never by the app one by one, and never changed; a board's content at version V is, for each shape, its latest row
 * at or before V unless that one says removed.
 */
@Entity
@Table(name = "shape_history")
@IdClass(ShapeRecord.Key.class)
@NamedQuery(
        name = ShapeRecord.AT_VERSION,
        query = "SELECT r FROM ShapeRecord r WHERE r.boardId = :board AND r.shapeId IN :shapes AND r.version ="
                + " (SELECT MAX(m.version) FROM ShapeRecord m WHERE m.boardId = r.boardId AND m.shapeId = r.shapeId"
                + " AND m.version <= :version)")
@NamedQuery(
        name = ShapeRecord.CHANGED_IN,
        query = "SELECT DISTINCT r.shapeId FROM ShapeRecord r WHERE r.boardId = :board AND r.version > :from"
                + " AND r.version <= :to")
@NamedQuery(
        name = ShapeRecord.CONTRIBUTORS,
        query = "SELECT DISTINCT r.changedBy FROM ShapeRecord r WHERE r.boardId = :board AND r.version > :from"
                + " AND r.version <= :to")
@NamedQuery(
        name = ShapeRecord.LAST_LIVE,
        query = "SELECT r FROM ShapeRecord r WHERE r.boardId = :board AND r.shapeId = :shape AND r.removed = :removed"
                + " ORDER BY r.version DESC")
@NamedQuery(
        name = ShapeRecord.REMOVALS,
        query = "SELECT r FROM ShapeRecord r, Shape s WHERE r.boardId = :board AND s.boardId = r.boardId AND"
                + " s.shapeId = r.shapeId AND s.removed = :removed AND r.version = s.version ORDER BY r.version DESC")
public class ShapeRecord extends ShapeColumns {

    /** The latest row at or before {@code :version} of each of the shapes {@code :shapes} of {@code :board}. */
    public static final String AT_VERSION = "ShapeRecord.atVersion";
    /** The ids of the shapes of {@code :board} changed in ({@code :from}, {@code :to}]. */
    public static final String CHANGED_IN = "ShapeRecord.changedIn";
    /** Who changed shapes of {@code :board} in ({@code :from}, {@code :to}]. */
    public static final String CONTRIBUTORS = "ShapeRecord.contributors";
    /** The states of a shape with {@code :removed} false, newest first: its last live state first. */
    public static final String LAST_LIVE = "ShapeRecord.lastLive";
    /** The removals of the shapes that are removed now (with {@code :removed} true), newest first. */
    public static final String REMOVALS = "ShapeRecord.removals";

    @Id
    @Column(name = "board_id", length = 32)
    private String boardId;

    @Id
    @Column(name = "shape_id", length = 64)
    private String shapeId;

    @Id
    @Column(name = "version")
    private long version;

    @Column(name = "removed", nullable = false)
    private boolean removed;

    @Column(name = "author", nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected ShapeRecord() {
        // for JPA
    }

    public String boardId() {
        return boardId;
    }

    public String shapeId() {
        return shapeId;
    }

    public long version() {
        return version;
    }

    public boolean removed() {
        return removed;
    }

    public String author() {
        return author;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String boardId;
        private String shapeId;
        private long version;

        public Key() {}

        public Key(String boardId, String shapeId, long version) {
            this.boardId = boardId;
            this.shapeId = shapeId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.boardId.equals(boardId) && k.shapeId.equals(shapeId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(boardId, shapeId, version);
        }
    }
}
