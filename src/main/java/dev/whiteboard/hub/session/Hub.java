package dev.whiteboard.hub.session;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.delivery.Fanout;
import dev.whiteboard.hub.protocol.JsonWire;
import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.hub.protocol.Subprotocol;
import dev.whiteboard.hub.protocol.WireFormat;
import dev.whiteboard.hub.session.HubConnection.Delivery;
import dev.whiteboard.hub.socket.CloseCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who is connected to the built-in hub, in which groups, as which users, and the fan-out of messages to
 * them. Hubs are told apart case-insensitively, as the service does. Delivery never waits: each recipient
 * has its own bounded queue (its {@link dev.whiteboard.hub.socket.ClientSocket}), and a recipient that cannot keep up is disconnected.
 * <p>Thread-safe: concurrent maps and sets; a connection's membership changes are not atomic with a send
 * that is under way, which matches the service (a message races a join).
 */
@ApplicationScoped
public class Hub {

    private static final Logger LOG = Logger.getLogger(Hub.class.getName());

    @Inject
    Fanout fanout;

    @Inject
    HubCluster cluster;

    private final ConcurrentMap<String, HubConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<HubConnection>> groups = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<HubConnection>> users = new ConcurrentHashMap<>();

    void add(HubConnection connection) {
        connections.put(connection.id(), connection);
        connection.userId().ifPresent(user -> addTo(users, key(connection.hub(), user), connection));
        cluster.added(connection);
    }

    /** Removes the connection everywhere; returns whether it was still registered. */
    boolean remove(HubConnection connection) {
        if (connections.remove(connection.id()) == null) {
            return false;
        }
        for (String group : List.copyOf(connection.groups())) {
            leave(connection, group);
        }
        connection.userId().ifPresent(user -> removeFrom(users, key(connection.hub(), user), connection));
        cluster.removed(connection);
        return true;
    }

    public Optional<HubConnection> connection(String hub, String connectionId) {
        return Optional.ofNullable(connections.get(connectionId))
                .filter(c -> c.hub().equals(HubSettings.normalise(hub)));
    }

    /**
     * Adds the connection to the group; returns whether it was not in it yet. In a cluster the first member on this
     * node subscribes the node to the group's channel, and this returns once Redis has confirmed it (at most 2 s):
     * what is published to the group after that reaches the connection.
     */
    public boolean join(HubConnection connection, String group) {
        boolean added = connection.groups().add(group);
        addTo(groups, key(connection.hub(), group), connection);
        if (added) {
            HubCluster.await(cluster.joined(connection.hub(), group));
        }
        return added;
    }

    /** {@link #join} without waiting for the subscription: done when it is (a join asked by another node). */
    CompletionStage<Void> joinLater(HubConnection connection, String group) {
        boolean added = connection.groups().add(group);
        addTo(groups, key(connection.hub(), group), connection);
        return added ? cluster.joined(connection.hub(), group) : CompletableFuture.completedFuture(null);
    }

    public boolean leave(HubConnection connection, String group) {
        boolean removed = connection.groups().remove(group);
        removeFrom(groups, key(connection.hub(), group), connection);
        if (removed) {
            cluster.left(connection.hub(), group);
        }
        return removed;
    }

    /**
     * Publishes to a group on every node: its members here first, then (in a cluster) through the group's channel to
     * the other nodes that have members, which apply {@code excluded} (connection ids) and {@code filter} (OData) to
     * theirs. {@code sender} (absent for the REST API) is skipped with {@code noEcho}.
     */
    public void sendToGroup(
            String hub,
            String group,
            Payload payload,
            Optional<HubConnection> sender,
            boolean noEcho,
            List<String> excluded,
            String filter) {
        Predicate<HubConnection> matches = ConnectionFilter.parse(filter);
        String canonical = HubSettings.normalise(hub);
        String fromUserId = sender.flatMap(HubConnection::userId).orElse(null);
        sendToGroup(canonical, group, payload, sender, noEcho, c -> excluded.contains(c.id()) || !matches.test(c));
        cluster.publishToGroup(canonical, group, payload, fromUserId, excluded, filter);
    }

    /** Publishes to this node's members of a group (sent by another node: {@code fromUserId} is its sender's user). */
    void sendToLocalGroup(
            String hub, String group, Payload payload, String fromUserId, Predicate<HubConnection> excluded) {
        Set<HubConnection> members = groups.get(key(hub, group));
        if (members == null) {
            return;
        }
        Delivery delivery = new Delivery(
                payload, (format, sequenceId) -> format.groupMessage(group, fromUserId, payload, sequenceId));
        fanout.submit(delivery.frame(JsonWire.INSTANCE).length, written -> {
            for (HubConnection member : members) {
                if (excluded.test(member)) {
                    continue;
                }
                written.add(member);
                deliver(member, delivery);
            }
        });
    }

    private void sendToGroup(
            String hub,
            String group,
            Payload payload,
            Optional<HubConnection> sender,
            boolean noEcho,
            Predicate<HubConnection> excluded) {
        Set<HubConnection> members = groups.get(key(HubSettings.normalise(hub), group));
        if (members == null) {
            return;
        }
        String fromUserId = sender.flatMap(HubConnection::userId).orElse(null);
        Delivery delivery = new Delivery(
                payload, (format, sequenceId) -> format.groupMessage(group, fromUserId, payload, sequenceId));
        // encoded here in the sender's format (JSON for the REST API), the one its group most likely needs: its size
        // bounds what waits for the fan-out thread, and that thread has one encoding less to do
        WireFormat senderFormat =
                sender.flatMap(HubConnection::protocol).map(Subprotocol::format).orElse(JsonWire.INSTANCE);
        fanout.submit(delivery.frame(senderFormat).length, written -> {
            for (HubConnection member : members) {
                if ((noEcho && sender.isPresent() && member == sender.get()) || excluded.test(member)) {
                    continue;
                }
                written.add(member);
                deliver(member, delivery);
            }
        });
    }

    /** Sends a server message to every connection of a user, on every node ({@code filter}: OData, or null). */
    public void sendToUser(String hub, String user, Payload payload, String filter) {
        Predicate<HubConnection> matches = ConnectionFilter.parse(filter);
        sendToConnections(connectionsOfUser(hub, user).stream().filter(matches).toList(), payload);
        cluster.publishToUser(HubSettings.normalise(hub), user, payload, filter);
    }

    /** Sends a server message to every connection of the hub, on every node, but the excluded and filtered out. */
    public void sendToAll(String hub, Payload payload, List<String> excluded, String filter) {
        Predicate<HubConnection> matches = ConnectionFilter.parse(filter);
        sendToConnections(
                connectionsOfHub(hub).stream()
                        .filter(c -> !excluded.contains(c.id()) && matches.test(c))
                        .toList(),
                payload);
        cluster.publishToAll(HubSettings.normalise(hub), payload, excluded, filter);
    }

    /** Sends a server message to one connection, here or on another node. */
    public void sendToConnection(String hub, String connectionId, Payload payload) {
        Optional<HubConnection> here = connection(hub, connectionId);
        if (here.isPresent()) {
            sendToConnections(List.of(here.get()), payload);
        } else {
            cluster.publishToConnection(HubSettings.normalise(hub), connectionId, payload);
        }
    }

    /** Sends a server message to one connection, every connection of a user, or every connection of a hub. */
    public void sendToConnections(Collection<HubConnection> recipients, Payload payload) {
        Delivery delivery = new Delivery(payload, (format, sequenceId) -> format.serverMessage(payload, sequenceId));
        List<HubConnection> snapshot = List.copyOf(recipients);
        fanout.submit(
                delivery.frame(JsonWire.INSTANCE).length,
                written -> snapshot.forEach(recipient -> {
                    written.add(recipient);
                    deliver(recipient, delivery);
                }));
    }

    /**
     * The event handler's answer to a connection's event, delivered at once on the calling thread, so that it reaches
     * the client before the ack that follows it (the service's order).
     */
    public void reply(HubConnection connection, Payload payload) {
        Delivery delivery = new Delivery(payload, (format, sequenceId) -> format.serverMessage(payload, sequenceId));
        deliver(connection, delivery);
        connection.flush();
    }

    public Set<HubConnection> connectionsOfUser(String hub, String userId) {
        return Set.copyOf(users.getOrDefault(key(HubSettings.normalise(hub), userId), Set.of()));
    }

    public Set<HubConnection> connectionsInGroup(String hub, String group) {
        return Set.copyOf(groups.getOrDefault(key(HubSettings.normalise(hub), group), Set.of()));
    }

    public List<HubConnection> connectionsOfHub(String hub) {
        String canonical = HubSettings.normalise(hub);
        return connections.values().stream()
                .filter(c -> c.hub().equals(canonical))
                .toList();
    }

    /** Whether a group of the hub has at least one member. */
    public boolean groupExists(String hub, String group) {
        Set<HubConnection> members = groups.get(key(HubSettings.normalise(hub), group));
        return members != null && !members.isEmpty();
    }

    /** All live connections, for keep-alive. */
    Collection<HubConnection> all() {
        return connections.values();
    }

    private void deliver(HubConnection recipient, Delivery delivery) {
        if (!recipient.deliver(delivery) && !recipient.isClosed()) {
            LOG.log(
                    Level.WARNING,
                    "Dropping connection {0} of user {1}: it is 1,000 messages or 16 MB behind",
                    new Object[] {recipient.id(), recipient.userId().orElse("-")});
            recipient.drop(CloseCode.TRY_AGAIN_LATER, "too far behind: the connection is dropped");
        }
    }

    private static String key(String hub, String name) {
        return hub + '\n' + name;
    }

    private static void addTo(ConcurrentMap<String, Set<HubConnection>> index, String key, HubConnection connection) {
        index.compute(key, (k, members) -> {
            Set<HubConnection> set = members == null ? ConcurrentHashMap.newKeySet() : members;
            set.add(connection);
            return set;
        });
    }

    private static void removeFrom(
            ConcurrentMap<String, Set<HubConnection>> index, String key, HubConnection connection) {
        index.computeIfPresent(key, (k, members) -> {
            members.remove(connection);
            return members.isEmpty() ? null : members;
        });
    }
}
