package dev.whiteboard.boards.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * The columns of a shape's content (what {@link ShapeData} holds), shared by the shape as it is ({@link Shape}) and
 * each state it was committed in ({@link ShapeRecord}): one mapping, so the two tables never drift apart.
 */
@MappedSuperclass
public abstract class ShapeColumns {

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

    /** Writes {@code data}'s content; it must carry its z. */
    protected void writeContent(ShapeData data) {
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
    }

    /** Moves the shape in the stacking order only. */
    protected void moveTo(long newZ) {
        this.z = newZ;
    }

    protected long z() {
        return z;
    }

    public ShapeData data() {
        Connector connector = Connector.of(
                startShape == null ? null : new Binding(startShape, startX, startY),
                endShape == null ? null : new Binding(endShape, endX, endY),
                label);
        return new ShapeData(kind, stroke, width, fill, opacity, points, text, asset, z, rotation, locked, connector);
    }
}
