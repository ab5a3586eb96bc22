package dev.whiteboard.presence;

import dev.whiteboard.boards.entity.BoardConnectionAccepted;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.runtime.cluster.ClusterNode;
import dev.whiteboard.security.accounts.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The presence store: one row per connection, people derived from them (a person is active when any of their
 * connections is). Each method is one transaction and says what changed for the board, so the boundary can announce
 * it after the commit.
 */
@ApplicationScoped
@Transactional
public class Presence {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    ClusterNode cluster;

    /** Someone on a board: {@code {"user":"alice","name":"Alice Andersen","state":"active"}}. */
    public record Person(String user, String name, String state) {}

    /** A board's people after a change, and who joined or left with it (if anyone did). */
    public record Change(String boardId, List<Person> people, String joined, String left) {}

    void accepted(@Observes BoardConnectionAccepted accepted) {
        PresenceConnection existing = em.find(PresenceConnection.class, accepted.connectionId());
        if (existing == null) {
            em.persist(new PresenceConnection(
                    accepted.connectionId(),
                    accepted.boardId(),
                    accepted.user(),
                    accepted.role(),
                    cluster.enabled() ? cluster.nodeId() : null,
                    now()));
        }
    }

    /** The connection is open: its person is on the board (active). */
    public Optional<Change> connected(String connectionId) {
        PresenceConnection connection = em.find(PresenceConnection.class, connectionId);
        if (connection == null || connection.state() != PresenceConnection.State.CONNECTING) {
            return Optional.empty();
        }
        if (connection.boardId() == null) {
            connection.change(PresenceConnection.State.ACTIVE, now());
            return Optional.empty();
        }
        boolean wasThere = isThere(connection.boardId(), connection.user());
        connection.change(PresenceConnection.State.ACTIVE, now());
        em.flush();
        return Optional.of(change(connection.boardId(), wasThere ? null : connection.user(), null));
    }

    /** The connection ended: its person leaves the board unless another of their connections is still there. */
    public Optional<Change> disconnected(String connectionId) {
        PresenceConnection connection = em.find(PresenceConnection.class, connectionId);
        if (connection == null) {
            return Optional.empty();
        }
        boolean counted = connection.state() != PresenceConnection.State.CONNECTING;
        em.remove(connection);
        em.flush();
        if (!counted || connection.boardId() == null) {
            return Optional.empty();
        }
        boolean stillThere = isThere(connection.boardId(), connection.user());
        return Optional.of(change(connection.boardId(), null, stillThere ? null : connection.user()));
    }

    /** The client says it is active or away; a change only when the person's state changes. */
    public Optional<Change> state(String connectionId, String user, boolean away) {
        PresenceConnection connection = em.find(PresenceConnection.class, connectionId);
        if (connection == null
                || !connection.user().equals(user)
                || connection.state() == PresenceConnection.State.CONNECTING) {
            return Optional.empty();
        }
        if (connection.boardId() == null) {
            connection.change(away ? PresenceConnection.State.AWAY : PresenceConnection.State.ACTIVE, now());
            return Optional.empty();
        }
        String before = stateOf(connection.boardId(), user);
        connection.change(away ? PresenceConnection.State.AWAY : PresenceConnection.State.ACTIVE, now());
        em.flush();
        return before.equals(stateOf(connection.boardId(), user))
                ? Optional.empty()
                : Optional.of(change(connection.boardId(), null, null));
    }

    /** Who is on the board now. */
    public List<Person> people(String boardId) {
        Map<String, String> states = new LinkedHashMap<>();
        for (PresenceConnection c : connections(boardId)) {
            states.merge(
                    c.user(),
                    c.state() == PresenceConnection.State.ACTIVE ? "active" : "away",
                    (a, b) -> a.equals("active") || b.equals("active") ? "active" : "away");
        }
        return states.entrySet().stream()
                .map(e -> new Person(e.getKey(), accounts.displayName(e.getKey()), e.getValue()))
                .toList();
    }

    /**
     * Someone online anywhere in the product: active when any of their connections is, the boards they are on, and
     * whether they are on the boards list ({@code lobby}).
     */
    public record Online(String user, String name, String state, List<String> boards, boolean lobby) {}

    /** Everyone with an open connection, by user id. */
    public List<Online> everyone() {
        Map<String, List<PresenceConnection>> byUser = new LinkedHashMap<>();
        for (PresenceConnection c : em.createNamedQuery(PresenceConnection.OPEN, PresenceConnection.class)
                .setParameter("connecting", PresenceConnection.State.CONNECTING)
                .getResultList()) {
            byUser.computeIfAbsent(c.user(), u -> new ArrayList<>()).add(c);
        }
        return byUser.entrySet().stream()
                .map(e -> new Online(
                        e.getKey(),
                        accounts.displayName(e.getKey()),
                        e.getValue().stream().anyMatch(c -> c.state() == PresenceConnection.State.ACTIVE)
                                ? "active"
                                : "away",
                        e.getValue().stream()
                                .map(PresenceConnection::boardId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .sorted()
                                .toList(),
                        e.getValue().stream().anyMatch(c -> c.boardId() == null)))
                .toList();
    }

    /** A live connection to a board, open or still opening ({@code open} false), and the board role it holds now. */
    public record Live(String connectionId, String boardId, String user, Optional<BoardRole> role, boolean open) {}

    /** Every connection to the board, open or opening. */
    public List<Live> liveOn(String boardId) {
        return live(em.createNamedQuery(PresenceConnection.ALL_ON_BOARD, PresenceConnection.class)
                .setParameter("board", boardId));
    }

    /** Every connection of the user to any board. */
    public List<Live> liveOf(String user) {
        return live(em.createNamedQuery(PresenceConnection.ALL_OF_USER, PresenceConnection.class)
                .setParameter("user", user));
    }

    /**
     * Every connection to any board that this node holds (the periodic re-check): on a single node all of them; in a
     * cluster each node sweeps its own rows only, so that no two nodes act on one connection.
     */
    public List<Live> liveOnBoards() {
        if (cluster.enabled()) {
            return live(em.createNamedQuery(PresenceConnection.ALL_ON_BOARDS_OF_NODE, PresenceConnection.class)
                    .setParameter("node", cluster.nodeId()));
        }
        return live(em.createNamedQuery(PresenceConnection.ALL_ON_BOARDS, PresenceConnection.class));
    }

    /**
     * The connections this node must forget at its start: on a single node all of them (the built-in hub's connections
     * all ended with the previous run); in a cluster those of no live node (this node's previous run, lost nodes, rows
     * of a single node before), never another live node's.
     */
    public List<String> leftByDeadNodes(Collection<String> liveNodes) {
        List<String> others =
                liveNodes.stream().filter(n -> !n.equals(cluster.nodeId())).toList();
        var query = others.isEmpty()
                ? em.createQuery("SELECT p FROM PresenceConnection p", PresenceConnection.class)
                : em.createNamedQuery(PresenceConnection.ALL_OF_NODES_BUT, PresenceConnection.class)
                        .setParameter("live", others);
        return query.getResultList().stream()
                .map(PresenceConnection::connectionId)
                .toList();
    }

    /** The connections a (lost) node held. */
    public List<String> heldBy(String nodeId) {
        return em
                .createNamedQuery(PresenceConnection.ALL_OF_NODE, PresenceConnection.class)
                .setParameter("node", nodeId)
                .getResultList()
                .stream()
                .map(PresenceConnection::connectionId)
                .toList();
    }

    private static List<Live> live(TypedQuery<PresenceConnection> query) {
        return query.getResultList().stream()
                .map(c -> new Live(
                        c.connectionId(),
                        c.boardId(),
                        c.user(),
                        Optional.ofNullable(c.role()),
                        c.state() != PresenceConnection.State.CONNECTING))
                .toList();
    }

    /** The connection's role was re-evaluated; returns whether the connection is still known. */
    public boolean roleNow(String connectionId, BoardRole role) {
        PresenceConnection connection = em.find(PresenceConnection.class, connectionId);
        if (connection == null) {
            return false;
        }
        connection.role(role);
        return true;
    }

    /** Forgets every connection (the built-in hub's connections all ended with the previous run). */
    public int forgetAll() {
        return em.createNamedQuery(PresenceConnection.DELETE_ALL).executeUpdate();
    }

    /** Forgets these connections without announcing anything (nobody is connected to this node yet). */
    public int forget(List<String> connectionIds) {
        int forgotten = 0;
        for (String id : connectionIds) {
            PresenceConnection connection = em.find(PresenceConnection.class, id);
            if (connection != null) {
                em.remove(connection);
                forgotten++;
            }
        }
        return forgotten;
    }

    private Change change(String boardId, String joined, String left) {
        return new Change(boardId, people(boardId), joined, left);
    }

    private boolean isThere(String boardId, String user) {
        return connections(boardId).stream().anyMatch(c -> c.user().equals(user));
    }

    /** The person's state on the board: active when any of their connections is; "" when they are not there. */
    private String stateOf(String boardId, String user) {
        List<PresenceConnection> theirs =
                connections(boardId).stream().filter(c -> c.user().equals(user)).toList();
        return theirs.isEmpty()
                ? ""
                : theirs.stream().anyMatch(c -> c.state() == PresenceConnection.State.ACTIVE) ? "active" : "away";
    }

    private List<PresenceConnection> connections(String boardId) {
        return em.createNamedQuery(PresenceConnection.ON_BOARD, PresenceConnection.class)
                .setParameter("board", boardId)
                .setParameter("connecting", PresenceConnection.State.CONNECTING)
                .getResultList();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
