package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.images.ImageInspector;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image an image shape shows: the bytes, stored once per board under an id derived from them (the SHA-256 of the
 * bytes, in hex), so the same picture uploaded twice is one asset, and a backup of the database holds them too. Its
 * type and size are what {@link ImageInspector} found in the bytes, never what the uploader claimed. Gone with the
 * board; an asset no shape has used for a while is deleted (see {@code AssetStore#unusedSince}).
 */
@Entity
@Table(name = "board_assets")
@IdClass(BoardAsset.Key.class)
@NamedQuery(name = BoardAsset.COUNT_ON_BOARD, query = "SELECT COUNT(a) FROM BoardAsset a WHERE a.boardId = :board")
@NamedQuery(
        name = BoardAsset.EXISTS,
        query = "SELECT a.assetId FROM BoardAsset a WHERE a.boardId = :board AND a.assetId = :asset")
@NamedQuery(
        name = BoardAsset.DELETE,
        query = "DELETE FROM BoardAsset a WHERE a.boardId = :board AND a.assetId = :asset")
public class BoardAsset {

    public static final String COUNT_ON_BOARD = "BoardAsset.countOnBoard";
    public static final String EXISTS = "BoardAsset.exists";
    public static final String DELETE = "BoardAsset.delete";

    /** The form of an asset id: 64 lower-case hex digits (a SHA-256). */
    public static final int ID_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{" + ID_LENGTH + "}");

    @Id
    @Column(name = "board_id", length = 32)
    private String boardId;

    @Id
    @Column(name = "asset_id", length = ID_LENGTH)
    private String assetId;

    @Column(name = "content_type", nullable = false, length = 64)
    private String contentType;

    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    /** The primary key: which board, which content. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String boardId;
        private String assetId;

        public Key() {}

        public Key(String boardId, String assetId) {
            this.boardId = boardId;
            this.assetId = assetId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(boardId, k.boardId) && Objects.equals(assetId, k.assetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(boardId, assetId);
        }
    }

    protected BoardAsset() {
        // for JPA
    }

    /** The asset of {@code content}, which {@code image} describes (as {@link ImageInspector} found it). */
    public BoardAsset(
            String boardId, ImageInspector.Image image, byte[] content, String uploadedBy, OffsetDateTime now) {
        this.boardId = Objects.requireNonNull(boardId, "boardId");
        this.assetId = idOf(content);
        this.contentType = image.type().mediaType();
        this.content = content.clone();
        this.size = content.length;
        this.width = image.width();
        this.height = image.height();
        this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
        this.uploadedAt = Objects.requireNonNull(now, "now");
    }

    /** The id of an asset with these bytes: their SHA-256, in lower-case hex. */
    public static String idOf(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether {@code assetId} has the form of an asset id (it may still name no asset). */
    public static boolean isWellFormed(String assetId) {
        return assetId != null && ID.matcher(assetId).matches();
    }

    /** Checks the form of an asset id a client sent; {@code field} names it in the error. */
    public static String validId(String assetId, String field) {
        if (!isWellFormed(assetId)) {
            throw new InvalidInputException(
                    field, field + " must be an asset id: the " + ID_LENGTH + " hex digits an upload answered with");
        }
        return assetId;
    }

    /** Uploaded again: counts as new for the clean-up of unused assets. */
    public void uploadedAgain(String by, OffsetDateTime now) {
        this.uploadedBy = Objects.requireNonNull(by, "uploadedBy");
        this.uploadedAt = Objects.requireNonNull(now, "now");
    }

    public String boardId() {
        return boardId;
    }

    public String assetId() {
        return assetId;
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

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }
}
