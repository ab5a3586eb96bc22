package dev.whiteboard.presence;

import dev.whiteboard.boards.entity.BoardRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One real-time connection on a board (or on no board: {@code boardId} null, the boards list page), and its state. */
@Entity
@Table(name = "presence_connections")
@NamedQuery(
        name = PresenceConnection.ON_BOARD,
        query = "SELECT p FROM PresenceConnection p WHERE p.boardId = :board AND p.state <> :connecting"
                + " ORDER BY p.user")
@NamedQuery(
        name = PresenceConnection.OPEN,
        query = "SELECT p FROM PresenceConnection p WHERE p.state <> :connecting ORDER BY p.user")
@NamedQuery(
        name = PresenceConnection.ALL_ON_BOARD,
        query = "SELECT p FROM PresenceConnection p WHERE p.boardId = :board ORDER BY p.connectionId")
@NamedQuery(
        name = PresenceConnection.ALL_OF_USER,
        query = "SELECT p FROM PresenceConnection p WHERE p.user = :user AND p.boardId IS NOT NULL"
                + " ORDER BY p.connectionId")
@NamedQuery(
        name = PresenceConnection.ALL_ON_BOARDS,
        query = "SELECT p FROM PresenceConnection p WHERE p.boardId IS NOT NULL ORDER BY p.connectionId")
@NamedQuery(name = PresenceConnection.DELETE_ALL, query = "DELETE FROM PresenceConnection p")
@NamedQuery(
        name = PresenceConnection.ALL_ON_BOARDS_OF_NODE,
        query = "SELECT p FROM PresenceConnection p WHERE p.boardId IS NOT NULL AND p.nodeId = :node"
                + " ORDER BY p.connectionId")
@NamedQuery(
        name = PresenceConnection.ALL_OF_NODES_BUT,
        query = "SELECT p FROM PresenceConnection p WHERE p.nodeId IS NULL OR p.nodeId NOT IN :live"
                + " ORDER BY p.connectionId")
@NamedQuery(
        name = PresenceConnection.ALL_OF_NODE,
        query = "SELECT p FROM PresenceConnection p WHERE p.nodeId = :node ORDER BY p.connectionId")
public class PresenceConnection {

    static final String ON_BOARD = "PresenceConnection.onBoard";
    static final String OPEN = "PresenceConnection.open";
    static final String DELETE_ALL = "PresenceConnection.deleteAll";
    static final String ALL_ON_BOARD = "PresenceConnection.allOnBoard";
    static final String ALL_OF_USER = "PresenceConnection.allOfUser";
    static final String ALL_ON_BOARDS = "PresenceConnection.allOnBoards";
    static final String ALL_ON_BOARDS_OF_NODE = "PresenceConnection.allOnBoardsOfNode";
    static final String ALL_OF_NODES_BUT = "PresenceConnection.allOfNodesBut";
    static final String ALL_OF_NODE = "PresenceConnection.allOfNode";

    /** Accepted but not yet open; then active or away as the client says. */
    public enum State {
        CONNECTING,
        ACTIVE,
        AWAY
    }

    @Id
    @Column(name = "connection_id", length = 128)
    private String connectionId;

    @Column(name = "board_id", length = 32)
    private String boardId;

    @Column(name = "user_name", nullable = false)
    private String user;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    /** The role the connection was admitted with or last re-evaluated to; null for the lobby (and older rows). */
    @Enumerated(EnumType.STRING)
    @Column(name = "board_role", length = 16)
    private BoardRole role;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** The cluster node that holds the connection; null on a single node. */
    @Column(name = "node_id", length = 64)
    private String nodeId;

    protected PresenceConnection() {
        // for JPA
    }

    PresenceConnection(
            String connectionId, String boardId, String user, BoardRole role, String nodeId, OffsetDateTime now) {
        this.nodeId = nodeId;
        this.connectionId = Objects.requireNonNull(connectionId);
        this.boardId = boardId;
        this.user = Objects.requireNonNull(user);
        this.role = role;
        this.state = State.CONNECTING;
        this.updatedAt = now;
    }

    void change(State newState, OffsetDateTime now) {
        this.state = newState;
        this.updatedAt = now;
    }

    String connectionId() {
        return connectionId;
    }

    BoardRole role() {
        return role;
    }

    void role(BoardRole newRole) {
        this.role = newRole;
    }

    String boardId() {
        return boardId;
    }

    String user() {
        return user;
    }

    State state() {
        return state;
    }
}
