package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One shape on a board, identified by the id its client chose (unique within the board). Removing a shape
 * keeps its row as a tombstone with the version of the removal, so a board's history can be told apart from
 * a shape that never existed. {@code version} is the board version of the shape's last change.
 */
@Entity
@Table(name = "shapes")
@NamedQuery(
        name = Shape.LIVE_ON_BOARD,
        query = "SELECT s FROM Shape s WHERE s.boardId = :board AND s.removed = false ORDER BY s.z, s.id")
@NamedQuery(
        name = Shape.BOUND_TO,
        query = "SELECT s FROM Shape s WHERE s.boardId = :board AND s.removed = :removed"
                + " AND (s.startShape = :shape OR s.endShape = :shape)")
@NamedQuery(
        name = Shape.CHANGED_SINCE,
        query = "SELECT s FROM Shape s WHERE s.boardId = :board AND s.version > :version")
@NamedQuery(name = Shape.BY_SHAPE_ID, query = "SELECT s FROM Shape s WHERE s.boardId = :board AND s.shapeId = :shape")
public class Shape extends ShapeColumns {

    public static final String LIVE_ON_BOARD = "Shape.liveOnBoard";
    public static final String BY_SHAPE_ID = "Shape.byShapeId";
    /** The shapes of {@code :board}, live and removed, changed after board version {@code :version}. */
    public static final String CHANGED_SINCE = "Shape.changedSince";
    /** The connectors (live, with {@code :removed} false) with an end bound to {@code :shape}. */
    public static final String BOUND_TO = "Shape.boundTo";

    static final Pattern SHAPE_ID = Pattern.compile("[A-Za-z0-9_-]{1," + Limits.MAX_SHAPE_ID_LENGTH + "}");

    @Id
    @SequenceGenerator(name = "shape_seq", sequenceName = "shape_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shape_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "board_id", nullable = false, length = 32)
    private String boardId;

    @Column(name = "shape_id", nullable = false, length = Limits.MAX_SHAPE_ID_LENGTH)
    private String shapeId;

    @Column(name = "author", nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "removed", nullable = false)
    private boolean removed;

    protected Shape() {
        // for JPA
    }

    /** A new shape; {@code data} must carry its z (see {@link ShapeData#withZ}). */
    public Shape(String boardId, String shapeId, ShapeData data, String author, long version, OffsetDateTime now) {
        this.boardId = Objects.requireNonNull(boardId, "boardId");
        this.shapeId = validShapeId(shapeId);
        this.author = Objects.requireNonNull(author, "author");
        this.createdAt = Objects.requireNonNull(now, "now");
        write(data, version, now);
    }

    /** Checks a client-chosen shape id. */
    public static String validShapeId(String shapeId) {
        if (shapeId == null || !SHAPE_ID.matcher(shapeId).matches()) {
            throw new InvalidInputException(
                    "id", "shape ids are 1 to " + Limits.MAX_SHAPE_ID_LENGTH + " characters of A-Z, a-z, 0-9, _ and -");
        }
        return shapeId;
    }

    /**
     * Whether storing {@code data} would change anything: a replay of the same content, on a live shape, does
     * not. A z of {@code null} in {@code data} means "keep the current z".
     */
    public boolean differsFrom(ShapeData data) {
        return removed || !data().equals(data.z() == null ? data.withZ(z()) : data);
    }

    /** Replaces the content (restoring a removed shape) as the change that made the board {@code version}. */
    public void update(ShapeData data, long version, OffsetDateTime now) {
        write(data.z() == null ? data.withZ(z()) : data, version, now);
    }

    /**
     * Moves the shape in the stacking order only, as the change that made the board {@code version} (a shape made
     * room for by another's move; its lock does not stop that, since its place among the others stays).
     */
    public void restack(long newZ, long version, OffsetDateTime now) {
        moveTo(newZ);
        this.version = version;
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    /** Marks the shape removed as the change that made the board {@code version}. */
    public void remove(long version, OffsetDateTime now) {
        this.removed = true;
        this.version = version;
        this.updatedAt = now;
    }

    private void write(ShapeData data, long newVersion, OffsetDateTime now) {
        writeContent(data);
        this.version = newVersion;
        this.updatedAt = Objects.requireNonNull(now, "now");
        this.removed = false;
    }

    /**
     * Drops the bindings to {@code shapeId} (which was removed) as the change that made the board {@code version}: the
     * ends stay where they are. Done by the board whatever the connector's lock, like a {@link #restack}.
     */
    public void unbind(String shapeId, long version, OffsetDateTime now) {
        ShapeData data = data();
        write(
                data.withConnector(
                        data.connector() == null ? null : data.connector().without(shapeId)),
                version,
                now);
    }

    public String boardId() {
        return boardId;
    }

    public String shapeId() {
        return shapeId;
    }

    public String author() {
        return author;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public boolean removed() {
        return removed;
    }
}
