package dev.whiteboard.history.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a board's activity log: who did what, when. Consecutive changes of shapes by one person within
 * {@link #RUN} add up in one entry ({@link #count()} shapes), so a drawing session is one line, not hundreds.
 */
@Entity
@Table(name = "board_activity")
@NamedQuery(
        name = BoardActivity.OF_BOARD,
        query = "SELECT a FROM BoardActivity a WHERE a.boardId = :board AND a.id < :before ORDER BY a.id DESC")
public class BoardActivity {

    public static final String OF_BOARD = "BoardActivity.ofBoard";
    public static final int MAX_DETAIL_LENGTH = 300;
    /** Changes by the same person this close to the entry's last one are counted in it. */
    public static final Duration RUN = Duration.ofMinutes(5);

    /** What was done. */
    public enum Action {
        CREATED,
        CHANGED,
        CLEARED,
        RESTORED,
        BACKGROUND,
        ROLE,
        RENAMED,
        VERSION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @SequenceGenerator(name = "board_activity_seq", sequenceName = "board_activity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "board_activity_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "board_id", nullable = false, length = 32)
    private String boardId;

    @Column(name = "acted_at", nullable = false)
    private OffsetDateTime at;

    @Column(name = "user_name", nullable = false)
    private String user;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 16)
    private Action action;

    @Column(name = "item_count", nullable = false)
    private int count;

    @Column(name = "detail", length = MAX_DETAIL_LENGTH)
    private String detail;

    @Column(name = "version", nullable = false)
    private long version;

    protected BoardActivity() {
        // for JPA
    }

    public BoardActivity(
            String boardId, OffsetDateTime at, String user, Action action, int count, String detail, long version) {
        this.boardId = Objects.requireNonNull(boardId, "boardId");
        this.at = Objects.requireNonNull(at, "at");
        this.user = Objects.requireNonNull(user, "user");
        this.action = Objects.requireNonNull(action, "action");
        this.count = count;
        this.detail = detail == null || detail.length() <= MAX_DETAIL_LENGTH
                ? detail
                : detail.substring(0, MAX_DETAIL_LENGTH - 1) + "…";
        this.version = version;
    }

    /** Whether a change of shapes by {@code by} at {@code when} continues this entry. */
    public boolean continuedBy(String by, OffsetDateTime when) {
        return action == Action.CHANGED && user.equals(by) && !when.isAfter(at.plus(RUN));
    }

    /** Counts {@code more} changed shapes in this entry, made at {@code when} up to board version {@code to}. */
    public void add(int more, OffsetDateTime when, long to) {
        this.count += more;
        this.at = when;
        this.version = to;
    }

    public Long id() {
        return id;
    }

    public String boardId() {
        return boardId;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String user() {
        return user;
    }

    public Action action() {
        return action;
    }

    public int count() {
        return count;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public long version() {
        return version;
    }
}
