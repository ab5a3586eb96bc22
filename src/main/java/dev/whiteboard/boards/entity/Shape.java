package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
@NamedQuery(name = Shape.BY_SHAPE_ID, query = "SELECT s FROM Shape s WHERE s.boardId = :board AND s.shapeId = :shape")
public class Shape {

    public static final String LIVE_ON_BOARD = "Shape.liveOnBoard";
    public static final String BY_SHAPE_ID = "Shape.byShapeId";
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

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private ShapeKind kind;

    @Column(name = "stroke", nullable = false, length = 9)
    private String stroke;

    @Column(name = "stroke_width", nullable = false)
    private double width;

    @Column(name = "fill", length = 9)
    private String fill;

    @Column(name = "opacity", nullable = false)
    private double opacity;

    @Convert(converter = PointsConverter.class)
    @Column(name = "points", nullable = false)
    private Points points;

    @Column(name = "text_value", length = Limits.MAX_TEXT_LENGTH)
    private String text;

    @Column(name = "asset_id", length = BoardAsset.ID_LENGTH)
    private String asset;

    @Column(name = "z", nullable = false)
    private long z;

    @Column(name = "rotation", nullable = false)
    private double rotation;

    @Column(name = "locked", nullable = false)
    private boolean locked;

    @Column(name = "start_shape", length = Limits.MAX_SHAPE_ID_LENGTH)
    private String startShape;

    @Column(name = "start_x")
    private Double startX;

    @Column(name = "start_y")
    private Double startY;

    @Column(name = "end_shape", length = Limits.MAX_SHAPE_ID_LENGTH)
    private String endShape;

    @Column(name = "end_x")
    private Double endX;

    @Column(name = "end_y")
    private Double endY;

    @Column(name = "label", length = Limits.MAX_LABEL_LENGTH)
    private String label;

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
        return removed || !data().equals(data.z() == null ? data.withZ(z) : data);
    }

    /** Replaces the content (restoring a removed shape) as the change that made the board {@code version}. */
    public void update(ShapeData data, long version, OffsetDateTime now) {
        write(data.z() == null ? data.withZ(z) : data, version, now);
    }

    /**
     * Moves the shape in the stacking order only, as the change that made the board {@code version} (a shape made
     * room for by another's move; its lock does not stop that, since its place among the others stays).
     */
    public void restack(long newZ, long version, OffsetDateTime now) {
        this.z = newZ;
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
        Objects.requireNonNull(data.z(), "z");
        this.kind = data.kind();
        this.stroke = data.stroke();
        this.width = data.width();
        this.fill = data.fill();
        this.opacity = data.opacity();
        this.points = data.points();
        this.text = data.text();
        this.asset = data.asset();
        this.z = data.z();
        this.rotation = data.rotation();
        this.locked = data.locked();
        Connector connector = data.connector();
        Binding start = connector == null ? null : connector.start();
        Binding end = connector == null ? null : connector.end();
        this.startShape = start == null ? null : start.shape();
        this.startX = start == null ? null : start.x();
        this.startY = start == null ? null : start.y();
        this.endShape = end == null ? null : end.shape();
        this.endX = end == null ? null : end.x();
        this.endY = end == null ? null : end.y();
        this.label = connector == null ? null : connector.label();
        this.version = newVersion;
        this.updatedAt = Objects.requireNonNull(now, "now");
        this.removed = false;
    }

    public ShapeData data() {
        Connector connector = Connector.of(
                startShape == null ? null : new Binding(startShape, startX, startY),
                endShape == null ? null : new Binding(endShape, endX, endY),
                label);
        return new ShapeData(kind, stroke, width, fill, opacity, points, text, asset, z, rotation, locked, connector);
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
