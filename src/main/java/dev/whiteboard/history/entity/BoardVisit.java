package dev.whiteboard.history.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** What a person last saw of a board: the board version their page had ("changes since my last visit"). */
@Entity
@Table(name = "board_visits")
@IdClass(BoardVisit.Key.class)
public class BoardVisit {

    @Id
    @Column(name = "board_id", length = 32)
    private String boardId;

    @Id
    @Column(name = "user_name")
    private String user;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "seen_at", nullable = false)
    private OffsetDateTime seenAt;

    protected BoardVisit() {
        // for JPA
    }

    public BoardVisit(String boardId, String user, long version, OffsetDateTime seenAt) {
        this.boardId = Objects.requireNonNull(boardId, "boardId");
        this.user = Objects.requireNonNull(user, "user");
        this.version = version;
        this.seenAt = Objects.requireNonNull(seenAt, "seenAt");
    }

    /** The person has seen {@code seen}: kept when it is newer than what they had seen. */
    public void saw(long seen, OffsetDateTime at) {
        if (seen > version) {
            version = seen;
        }
        seenAt = at;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime seenAt() {
        return seenAt;
    }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String boardId;
        private String user;

        public Key() {}

        public Key(String boardId, String user) {
            this.boardId = boardId;
            this.user = user;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(boardId, k.boardId) && Objects.equals(user, k.user);
        }

        @Override
        public int hashCode() {
            return Objects.hash(boardId, user);
        }
    }
}
