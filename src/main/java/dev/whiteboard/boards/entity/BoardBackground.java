package dev.whiteboard.boards.entity;

import dev.whiteboard.images.ImageType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A board's background image: the bytes, kept in the database with the board so that a backup of the
 * database is a backup of everything. One per board; a new upload replaces it. Its {@code ref} (a digest
 * prefix) names this content, so it doubles as a cache validator.
 */
@Entity
@Table(name = "board_backgrounds")
public class BoardBackground {

    @Id
    @Column(name = "board_id", length = 32)
    private String boardId;

    @Column(name = "content_type", nullable = false, length = 64)
    private String contentType;

    // Not a lazy basic: providers implement those by weaving, and EclipseLink's reloads the entity when a
    // lazy attribute is set, overwriting changes made just before. The separate entity keeps boards light.
    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    @Column(name = "ref", nullable = false, length = 64)
    private String ref;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected BoardBackground() {
        // for JPA
    }

    public BoardBackground(String boardId, ImageType type, byte[] content, String uploadedBy, OffsetDateTime now) {
        this.boardId = Objects.requireNonNull(boardId, "boardId");
        store(type, content, uploadedBy, now);
    }

    public void replace(ImageType type, byte[] newContent, String by, OffsetDateTime now) {
        store(type, newContent, by, now);
    }

    private void store(ImageType type, byte[] newContent, String by, OffsetDateTime now) {
        if (newContent.length > Limits.MAX_BACKGROUND_BYTES) {
            throw new IllegalArgumentException("background over the limit: " + newContent.length);
        }
        this.contentType = type.mediaType();
        this.content = newContent.clone();
        this.size = newContent.length;
        this.ref = digest(newContent);
        this.uploadedBy = Objects.requireNonNull(by, "uploadedBy");
        this.uploadedAt = Objects.requireNonNull(now, "now");
    }

    private static String digest(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    public String boardId() {
        return boardId;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return size;
    }

    public String ref() {
        return ref;
    }
}
