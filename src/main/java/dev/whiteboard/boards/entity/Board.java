package dev.whiteboard.boards.entity;

import dev.whiteboard.errors.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A board: the aggregate root of its shapes and background. Its {@code version} grows by one with every
 * committed change to the board's content, so a client that knows the version it has seen can tell whether
 * it missed something. Changes take the board's row lock first (see {@code BoardStore}), which orders them.
 * {@code changedAt}/{@code changedBy} follow every change (content, background, title); a board in the trash has
 * {@code deletedAt} set and is otherwise kept as it was, so that a restore brings it back whole.
 */
@Entity
@Table(name = "boards")
@NamedQuery(
        name = Board.TRASHED_BEFORE,
        query = "SELECT b.id FROM Board b WHERE b.deletedAt IS NOT NULL AND b.deletedAt < :cutoff ORDER BY b.deletedAt")
@NamedQuery(name = Board.DELETE, query = "DELETE FROM Board b WHERE b.id = :board")
public class Board {

    public static final String TRASHED_BEFORE = "Board.trashedBefore";
    public static final String DELETE = "Board.delete";
    /** What a copy's title ends with, unless it is given one. */
    public static final String COPY_SUFFIX = " (copy)";

    /** Link access: members only. */
    public static final String LINK_OFF = "off";
    /** Link access: anyone signed in may view. */
    public static final String LINK_VIEW = "view";
    /** Link access: anyone signed in may edit. */
    public static final String LINK_EDIT = "edit";

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Id
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "title", nullable = false, length = Limits.MAX_TITLE_LENGTH)
    private String title;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "background_ref", length = 64)
    private String backgroundRef;

    @Column(name = "background_type", length = 64)
    private String backgroundType;

    @Column(name = "background_color", length = 9)
    private String backgroundColor;

    @Column(name = "live_shapes", nullable = false)
    private int liveShapes;

    @Column(name = "viewers_may_chat", nullable = false)
    private boolean viewersMayChat = true;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Column(name = "deleted_by")
    private String deletedBy;

    @Column(name = "link_access", nullable = false, length = 8)
    private String linkAccess = LINK_OFF;

    protected Board() {
        // for JPA
    }

    public Board(String id, String title, String createdBy, OffsetDateTime createdAt) {
        if (!BoardId.isWellFormed(id)) {
            throw new IllegalArgumentException("malformed board id: " + id);
        }
        this.id = id;
        this.title = validTitle(title);
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.changedAt = createdAt;
        this.changedBy = createdBy;
        this.version = 0;
    }

    /**
     * The title of a copy of a board titled {@code title}: {@code "<title> (copy)"}, the original cut short where
     * the whole would be over {@link Limits#MAX_TITLE_LENGTH} (never inside a surrogate pair).
     */
    public static String copyTitle(String title) {
        String original = validTitle(title);
        int room = Limits.MAX_TITLE_LENGTH - COPY_SUFFIX.length();
        if (original.length() > room) {
            int end = Character.isHighSurrogate(original.charAt(room - 1)) ? room - 1 : room;
            original = original.substring(0, end).strip();
        }
        return original + COPY_SUFFIX;
    }

    /** Trims the title and checks it is there and not too long. */
    public static String validTitle(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("title", "title is required");
        }
        if (trimmed.length() > Limits.MAX_TITLE_LENGTH) {
            throw new InvalidInputException("title", "title is limited to " + Limits.MAX_TITLE_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidInputException("title", "title cannot contain control characters");
        }
        return trimmed;
    }

    /**
     * Who may open the board by its link besides its members: {@code off} (nobody), {@code view} (anyone signed in,
     * as a viewer) or {@code edit} (anyone signed in, as an editor); whether it differs from before.
     */
    public boolean shareByLink(String access) {
        if (!LINK_OFF.equals(access) && !LINK_VIEW.equals(access) && !LINK_EDIT.equals(access)) {
            throw new InvalidInputException("access", "access is one of off, view, edit");
        }
        boolean changed = !access.equals(linkAccess);
        linkAccess = access;
        return changed;
    }

    /** The link access: {@code off}, {@code view} or {@code edit}. */
    public String linkAccess() {
        return linkAccess == null ? LINK_OFF : linkAccess;
    }

    /** The role anyone signed in has through the board's link, if it is shared by link. */
    public Optional<BoardRole> linkRole() {
        return switch (linkAccess()) {
            case LINK_VIEW -> Optional.of(BoardRole.VIEWER);
            case LINK_EDIT -> Optional.of(BoardRole.EDITOR);
            default -> Optional.empty();
        };
    }

    /** Whether viewers may post in the board's chat (editors and owners always may); owners decide. */
    public boolean viewersMayChat() {
        return viewersMayChat;
    }

    public void letViewersChat(boolean allowed) {
        viewersMayChat = allowed;
    }

    /** How many shapes are on the board (not removed). */
    public int liveShapes() {
        return liveShapes;
    }

    /** A shape was added, or a removed one restored; {@code false} (and nothing counted) when the board is full. */
    public boolean shapeAdded() {
        if (liveShapes >= Limits.MAX_SHAPES_PER_BOARD) {
            return false;
        }
        liveShapes++;
        return true;
    }

    /** A live shape was removed. */
    public void shapeRemoved() {
        liveShapes = Math.max(0, liveShapes - 1);
    }

    /** Every shape was removed. */
    public void cleared() {
        liveShapes = 0;
    }

    /** Counts one committed change to the content, made by {@code by} at {@code at}; returns the new version. */
    public long nextVersion(String by, OffsetDateTime at) {
        changed(by, at);
        return ++version;
    }

    /** Gives the board another title (the same rules as at creation); whether it differs from the old one. */
    public boolean rename(String newTitle, String by, OffsetDateTime at) {
        String valid = validTitle(newTitle);
        if (valid.equals(title)) {
            return false;
        }
        title = valid;
        changed(by, at);
        return true;
    }

    private void changed(String by, OffsetDateTime at) {
        changedBy = Objects.requireNonNull(by, "by");
        changedAt = Objects.requireNonNull(at, "at");
    }

    /** Moves the board to the trash; whether it was not there yet (moving it again changes nothing). */
    public boolean trash(String by, OffsetDateTime at) {
        if (deletedAt != null) {
            return false;
        }
        deletedAt = Objects.requireNonNull(at, "at");
        deletedBy = Objects.requireNonNull(by, "by");
        return true;
    }

    /** Takes the board out of the trash; whether it was in it. */
    public boolean restore() {
        if (deletedAt == null) {
            return false;
        }
        deletedAt = null;
        deletedBy = null;
        return true;
    }

    public boolean inTrash() {
        return deletedAt != null;
    }

    /** When the board was moved to the trash, if it is there. */
    public Optional<OffsetDateTime> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    public Optional<String> deletedBy() {
        return Optional.ofNullable(deletedBy);
    }

    /** When the board last changed: its content, background or title (at creation: when it was made). */
    public OffsetDateTime changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public void showBackground(String ref, String contentType) {
        this.backgroundRef = Objects.requireNonNull(ref, "ref");
        this.backgroundType = Objects.requireNonNull(contentType, "contentType");
    }

    public void removeBackground() {
        this.backgroundRef = null;
        this.backgroundType = null;
    }

    /** Sets the colour under the background image and the shapes ({@code #rrggbb}), or the default ({@code null}). */
    public void paintBackground(String color) {
        if (color != null && !COLOR.matcher(color).matches()) {
            throw new InvalidInputException("color", "a background colour is #rrggbb, or null for the default");
        }
        this.backgroundColor = color == null ? null : color.toLowerCase(Locale.ROOT);
    }

    public Optional<String> backgroundColor() {
        return Optional.ofNullable(backgroundColor);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    /** The current background's content reference (a digest prefix), if the board has one. */
    public Optional<String> backgroundRef() {
        return Optional.ofNullable(backgroundRef);
    }

    public Optional<String> backgroundType() {
        return Optional.ofNullable(backgroundType);
    }
}
