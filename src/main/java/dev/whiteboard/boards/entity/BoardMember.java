package dev.whiteboard.boards.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A role an owner granted on a board: to a user (their user id), or to everyone in a group of the identity provider
 * ({@code group:<name>}; user ids never contain {@code ':'}).
 */
@Entity
@Table(name = "board_members")
@IdClass(BoardMember.Key.class)
@NamedQuery(name = BoardMember.OF_BOARD, query = "SELECT m FROM BoardMember m WHERE m.boardId = :board ORDER BY m.user")
@NamedQuery(
        name = BoardMember.OF_GRANTEES_ON_BOARDS,
        query = "SELECT m FROM BoardMember m WHERE m.user IN :grantees AND m.boardId IN :boards")
public class BoardMember {

    public static final String OF_BOARD = "BoardMember.ofBoard";
    public static final String OF_GRANTEES_ON_BOARDS = "BoardMember.ofGranteesOnBoards";

    @Id
    @Column(name = "board_id", length = 32)
    private String boardId;

    @Id
    @Column(name = "user_name", length = Limits.MAX_USER_LENGTH)
    private String user;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private BoardRole role;

    @Column(name = "granted_by", nullable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false)
    private OffsetDateTime grantedAt;

    /** The composite key: board and user. */
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

    protected BoardMember() {
        // for JPA
    }

    public BoardMember(String boardId, String user, BoardRole role, String grantedBy, OffsetDateTime grantedAt) {
        this.boardId = Objects.requireNonNull(boardId, "boardId");
        this.user = Objects.requireNonNull(user, "user");
        this.role = Objects.requireNonNull(role, "role");
        this.grantedBy = Objects.requireNonNull(grantedBy, "grantedBy");
        this.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt");
    }

    public void regrant(BoardRole newRole, String by, OffsetDateTime at) {
        this.role = Objects.requireNonNull(newRole, "role");
        this.grantedBy = by;
        this.grantedAt = at;
    }

    public String boardId() {
        return boardId;
    }

    public String user() {
        return user;
    }

    public BoardRole role() {
        return role;
    }

    public String grantedBy() {
        return grantedBy;
    }
}
