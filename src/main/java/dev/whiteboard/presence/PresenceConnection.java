package dev.whiteboard.presence;

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
@NamedQuery(name = PresenceConnection.DELETE_ALL, query = "DELETE FROM PresenceConnection p")
public class PresenceConnection {

    static final String ON_BOARD = "PresenceConnection.onBoard";
    static final String OPEN = "PresenceConnection.open";
    static final String DELETE_ALL = "PresenceConnection.deleteAll";

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

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected PresenceConnection() {
        // for JPA
    }

    PresenceConnection(String connectionId, String boardId, String user, OffsetDateTime now) {
        this.connectionId = Objects.requireNonNull(connectionId);
        this.boardId = boardId;
        this.user = Objects.requireNonNull(user);
        this.state = State.CONNECTING;
        this.updatedAt = now;
    }

    void change(State newState, OffsetDateTime now) {
        this.state = newState;
        this.updatedAt = now;
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
