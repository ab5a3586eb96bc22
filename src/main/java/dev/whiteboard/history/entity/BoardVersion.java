package dev.whiteboard.history.entity;

import dev.whiteboard.boards.entity.Board;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of a board: a label on the board version whose content it stands for (the content itself is in the
 * shape history, so a version costs one row whatever the board's size). Automatic ones (checkpoints) say why they
 * were taken and are pruned after the retention time; named ones carry a label and are kept until an owner deletes
 * them. The counts and contributors describe what changed since the version before it, when it was taken.
 */
@Entity
@Table(name = "board_versions")
@NamedQuery(
        name = BoardVersion.OF_BOARD,
        query = "SELECT v FROM BoardVersion v WHERE v.boardId = :board ORDER BY v.version DESC, v.createdAt DESC,"
                + " v.id DESC")
@NamedQuery(
        name = BoardVersion.OLDEST_VERSION,
        query = "SELECT MIN(v.version) FROM BoardVersion v WHERE v.boardId = :board")
public class BoardVersion {

    public static final String OF_BOARD = "BoardVersion.ofBoard";
    public static final String OLDEST_VERSION = "BoardVersion.oldestVersion";

    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 1000;
    private static final int MAX_CONTRIBUTORS_LENGTH = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** Automatic versions say why they were taken. */
    public enum Reason {
        /** Every so many minutes while the board changes. */
        TIMER,
        /** The last person left the board. */
        LEFT,
        /** Right before the board was cleared. */
        CLEAR,
        /** Right before shapes were imported. */
        IMPORT,
        /** Right before another version was restored. */
        RESTORE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Kind {
        AUTOMATIC,
        NAMED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "board_id", nullable = false, length = 32)
    private String boardId;

    @Column(name = "version", nullable = false)
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", length = 16)
    private Reason reason;

    @Column(name = "label", length = MAX_LABEL_LENGTH)
    private String label;

    @Column(name = "description", length = MAX_DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "background_color", length = 9)
    private String backgroundColor;

    @Column(name = "background_ref", length = 64)
    private String backgroundRef;

    @Column(name = "background_type", length = 64)
    private String backgroundType;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "added", nullable = false)
    private int added;

    @Column(name = "changed", nullable = false)
    private int changed;

    @Column(name = "removed", nullable = false)
    private int removed;

    @Column(name = "contributors", nullable = false, length = MAX_CONTRIBUTORS_LENGTH)
    private String contributors;

    protected BoardVersion() {
        // for JPA
    }

    /** What changed since the version before: counts of shapes and who changed them. */
    public record Summary(int added, int changed, int removed, List<String> contributors) {}

    /**
     * The board's background when the version was taken: its colour ({@code null}: the default) and its image, by
     * the ref that names the image's content ({@code null}: none) and its media type.
     */
    public record Background(String color, String imageRef, String imageType) {

        public static Background of(Board board) {
            return new Background(
                    board.backgroundColor().orElse(null),
                    board.backgroundRef().orElse(null),
                    board.backgroundType().orElse(null));
        }

        public Optional<String> image() {
            return Optional.ofNullable(imageRef);
        }
    }

    private BoardVersion(
            String boardId,
            long version,
            Kind kind,
            Reason reason,
            String label,
            String description,
            Background background,
            String createdBy,
            OffsetDateTime createdAt,
            Summary summary) {
        this.id = newId();
        this.boardId = Objects.requireNonNull(boardId, "boardId");
        this.version = version;
        this.kind = kind;
        this.reason = reason;
        this.label = label;
        this.description = description;
        this.backgroundColor = background.color();
        this.backgroundRef = background.imageRef();
        this.backgroundType = background.imageType();
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.added = summary.added();
        this.changed = summary.changed();
        this.removed = summary.removed();
        this.contributors = joined(summary.contributors());
    }

    /** A checkpoint of the board at {@code version}. */
    public static BoardVersion automatic(
            String boardId,
            long version,
            Reason reason,
            Background background,
            String by,
            OffsetDateTime at,
            Summary summary) {
        return new BoardVersion(
                boardId,
                version,
                Kind.AUTOMATIC,
                Objects.requireNonNull(reason),
                null,
                null,
                background,
                by,
                at,
                summary);
    }

    /** A named version of the board at {@code version}; label and description are checked by the caller. */
    public static BoardVersion named(
            String boardId,
            long version,
            String label,
            String description,
            Background background,
            String by,
            OffsetDateTime at,
            Summary summary) {
        return new BoardVersion(
                boardId,
                version,
                Kind.NAMED,
                null,
                Objects.requireNonNull(label),
                description,
                background,
                by,
                at,
                summary);
    }

    /** Makes a checkpoint a named version (saving a version where a checkpoint already is: no second row). */
    public void name(String newLabel, String newDescription, String by, OffsetDateTime at) {
        this.kind = Kind.NAMED;
        this.reason = null;
        this.label = Objects.requireNonNull(newLabel);
        this.description = newDescription;
        this.createdBy = by;
        this.createdAt = at;
    }

    private static String newId() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** Whether {@code id} could be a version's id (anything else is not looked up). */
    public static boolean isWellFormed(String id) {
        return id != null
                && id.length() == 20
                && id.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
    }

    private static String joined(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (out.length() + name.length() + 1 > MAX_CONTRIBUTORS_LENGTH) {
                break; // the first ones fit; a version touched by that many people lists them in the activity log
            }
            out.append(out.length() == 0 ? "" : "\n").append(name);
        }
        return out.toString();
    }

    public String id() {
        return id;
    }

    public String boardId() {
        return boardId;
    }

    public long version() {
        return version;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Background background() {
        return new Background(backgroundColor, backgroundRef, backgroundType);
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Summary summary() {
        return new Summary(
                added, changed, removed, contributors.isEmpty() ? List.of() : Arrays.asList(contributors.split("\n")));
    }
}
