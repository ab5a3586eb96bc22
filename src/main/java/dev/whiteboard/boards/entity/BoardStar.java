package dev.whiteboard.boards.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A board a person starred: their own bookmark, seen by nobody else. Gone with the board. */
@Entity
@Table(name = "board_stars")
@IdClass(BoardStar.Key.class)
@NamedQuery(
        name = BoardStar.OF_USER_ON_BOARDS,
        query = "SELECT s.boardId FROM BoardStar s WHERE s.user = :user AND s.boardId IN :boards")
public class BoardStar {

    public static final String OF_USER_ON_BOARDS = "BoardStar.ofUserOnBoards";

    @Id
    @Column(name = "user_name", length = Limits.MAX_USER_LENGTH)
    private String user;

    @Id
    @Column(name = "board_id", length = 32)
    private String boardId;

    @Column(name = "starred_at", nullable = false)
    private OffsetDateTime starredAt;

    /** The primary key: who starred which board. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String user;
        private String boardId;

        public Key() {}

        public Key(String user, String boardId) {
            this.user = user;
            this.boardId = boardId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(user, k.user) && Objects.equals(boardId, k.boardId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(user, boardId);
        }
    }

    protected BoardStar() {
        // for JPA
    }

    public BoardStar(String user, String boardId, OffsetDateTime starredAt) {
        this.user = Objects.requireNonNull(user, "user");
        this.boardId = Objects.requireNonNull(boardId, "boardId");
        this.starredAt = Objects.requireNonNull(starredAt, "starredAt");
    }

    public String user() {
        return user;
    }

    public String boardId() {
        return boardId;
    }

    public OffsetDateTime starredAt() {
        return starredAt;
    }
}
