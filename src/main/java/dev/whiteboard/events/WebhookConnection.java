package dev.whiteboard.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A connection the webhook accepted in its {@code connect} event: its hub and user ({@code ""} for none), and when it
 * ended ({@code null} while open).
 */
@Entity
@Table(name = "webhook_connections")
@NamedQuery(
        name = WebhookConnection.PRUNE,
        query = "DELETE FROM WebhookConnection c WHERE c.connectedAt < :before"
                + " AND (c.endedAt IS NULL OR c.endedAt < :before)")
@NamedQuery(name = WebhookConnection.DELETE_ALL, query = "DELETE FROM WebhookConnection c")
public class WebhookConnection {

    static final String PRUNE = "WebhookConnection.prune";
    static final String DELETE_ALL = "WebhookConnection.deleteAll";

    @Id
    @Column(name = "connection_id", length = 128)
    private String connectionId;

    @Column(name = "hub", nullable = false, length = 128)
    private String hub;

    @Column(name = "user_name", nullable = false)
    private String user;

    @Column(name = "connected_at", nullable = false)
    private OffsetDateTime connectedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    protected WebhookConnection() {
        // for JPA
    }

    WebhookConnection(String connectionId, String hub, String user, OffsetDateTime connectedAt) {
        this.connectionId = Objects.requireNonNull(connectionId);
        this.hub = Objects.requireNonNull(hub);
        this.user = Objects.requireNonNull(user);
        this.connectedAt = Objects.requireNonNull(connectedAt);
    }

    String connectionId() {
        return connectionId;
    }

    String hub() {
        return hub;
    }

    String user() {
        return user;
    }

    boolean ended() {
        return endedAt != null;
    }

    void end(OffsetDateTime now) {
        endedAt = now;
    }
}
