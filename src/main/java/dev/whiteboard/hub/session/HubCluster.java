package dev.whiteboard.hub.session;

import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.access.Permissions;
import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.hub.session.ClusterMessage.Kind;
import dev.whiteboard.hub.upstream.Upstream;
import dev.whiteboard.runtime.cluster.ClusterNode;
import dev.whiteboard.runtime.cluster.NodeLost;
import dev.whiteboard.runtime.cluster.RedisBack;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The built-in hub on several nodes: one logical hub over Redis pub/sub ({@link ClusterNode}). Without
 * {@code whiteboard.cluster.redis-url} every method here does nothing and the hub is the single node it always was.
 *
 * <p>Each node delivers to its own connections first, then publishes for the others:
 * <ul>
 *   <li>a group message on the group's channel ({@code <prefix>:hub:group:<hub>:<group>}), which a node subscribes
 *       while it has members of the group, so it reaches only nodes with members;</li>
 *   <li>a message to a user on the user's channel ({@code …:hub:user:<hub>:<user>}), subscribed while the node holds a
 *       connection of the user;</li>
 *   <li>a message to everyone, to one connection, and every REST operation on connections (close, join, leave,
 *       permissions) on the hub's channel ({@code …:hub:all}) that every node subscribes: each node applies it to the
 *       connections it holds;</li>
 *   <li>questions whose answer depends on every node (a group's members, a permission of a connection elsewhere, a
 *       join that must be in place before the REST call returns) on the hub's channel too, answered by each node on the
 *       asker's own channel ({@code …:hub:node:<node>}); the asker waits at most {@value #ASK_SECONDS} s.</li>
 * </ul>
 * Every node publishes on one Redis connection and receives on one, so messages reach each node in the order they
 * were sent (per sender, whatever the channel), and the receiving node hands them to the fan-out in that order. A
 * node ignores what it published itself. The REST filters ({@code filter=}, {@code excluded}) travel with the message
 * and are applied by each receiving node to its own connections.
 *
 * <p>The directory: a hash {@code …:hub:connections} (connection → node) answers whether a connection exists
 * anywhere; a hash per node ({@code …:hub:node:<node>:connections}) describes its connections, so that the node that
 * handles a lost node ({@link NodeLost}) tells the event handler each of them is {@code disconnected}, once. Whether a
 * group or user exists elsewhere is whether some node subscribes its channel ({@code PUBSUB NUMSUB}). After Redis was
 * away (maybe restarted empty) each node writes its part of the directory again ({@link RedisBack}). While Redis is
 * away messages to other nodes are lost; board clients resync by version.
 */
@ApplicationScoped
public class HubCluster {

    static final int ASK_SECONDS = 3;
    private static final Logger LOG = Logger.getLogger(HubCluster.class.getName());

    @Inject
    ClusterNode node;

    @Inject
    Hub hub;

    @Inject
    ClientSessions sessions;

    @Inject
    HubSettings settings;

    @Inject
    Upstream upstream;

    /** Local subscribers per channel (groups, users), guarded by {@code this}. */
    private final Map<String, Integer> subscribers = new HashMap<>();

    private final AtomicLong questionIds = new AtomicLong();
    private final ConcurrentMap<Long, Question> questions = new ConcurrentHashMap<>();
    private volatile boolean listening;

    /** Waits (at most 2 s) for a subscription to be confirmed; a failure (Redis away) is not the caller's. */
    static void await(CompletionStage<Void> subscribed) {
        try {
            subscribed.toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.FINE, "A subscription was not confirmed: {0}", e.toString());
        }
    }

    public boolean enabled() {
        return node.enabled();
    }

    void onStart(@Observes Startup startup) {
        listen();
    }

    /** Whether this node is one of a cluster; the first call in a cluster subscribes the hub's channels. */
    private boolean listen() {
        if (listening) {
            return true;
        }
        return node.enabled() && startListening();
    }

    private synchronized boolean startListening() {
        if (!listening) {
            listening = true;
            node.listen(this::received);
            await(node.subscribe(allChannel()));
            await(node.subscribe(nodeChannel(node.nodeId())));
        }
        return true;
    }

    // --- what the local hub tells the cluster ---

    void added(HubConnection connection) {
        if (!listen()) {
            return;
        }
        connection.userId().ifPresent(user -> await(retain(userChannel(connection.hub(), user))));
        node.commands().ifPresent(redis -> {
            redis.hset(directory(), field(connection.hub(), connection.id()), node.nodeId());
            redis.hset(
                    nodeDirectory(node.nodeId()),
                    field(connection.hub(), connection.id()),
                    LostConnection.describe(connection));
        });
    }

    void removed(HubConnection connection) {
        if (!node.enabled()) {
            return;
        }
        connection.userId().ifPresent(user -> release(userChannel(connection.hub(), user)));
        node.commands().ifPresent(redis -> {
            redis.hdel(directory(), field(connection.hub(), connection.id()));
            redis.hdel(nodeDirectory(node.nodeId()), field(connection.hub(), connection.id()));
        });
    }

    CompletionStage<Void> joined(String hubName, String group) {
        return node.enabled() ? retain(groupChannel(hubName, group)) : CompletableFuture.completedFuture(null);
    }

    void left(String hubName, String group) {
        if (node.enabled()) {
            release(groupChannel(hubName, group));
        }
    }

    void publishToGroup(
            String hubName, String group, Payload payload, String fromUserId, List<String> excluded, String filter) {
        if (listen()) {
            node.publish(
                    groupChannel(hubName, group),
                    message(Kind.SEND_GROUP, hubName, group)
                            .withPayload(payload, fromUserId)
                            .withExcluded(excluded, filter)
                            .write());
        }
    }

    void publishToUser(String hubName, String user, Payload payload, String filter) {
        if (listen()) {
            node.publish(
                    userChannel(hubName, user),
                    message(Kind.SEND_USER, hubName, user)
                            .withPayload(payload, null)
                            .withExcluded(List.of(), filter)
                            .write());
        }
    }

    void publishToAll(String hubName, Payload payload, List<String> excluded, String filter) {
        if (listen()) {
            node.publish(
                    allChannel(),
                    message(Kind.SEND_ALL, hubName, null)
                            .withPayload(payload, null)
                            .withExcluded(excluded, filter)
                            .write());
        }
    }

    void publishToConnection(String hubName, String connectionId, Payload payload) {
        if (listen()) {
            node.publish(
                    allChannel(),
                    message(Kind.SEND_CONNECTION, hubName, connectionId)
                            .withPayload(payload, null)
                            .write());
        }
    }

    // --- what the REST API asks of the other nodes ---

    /** Closes connections on the other nodes: one ({@code target}), a group's, a user's or all of the hub's. */
    public void close(String kind, String hubName, String target, List<String> excluded, String reason) {
        tell(message(Kind.valueOf("CLOSE_" + kind), hubName, target)
                .withExcluded(excluded, null)
                .withReason(reason));
    }

    /**
     * Joins connections on the other nodes to {@code groups}: a connection ({@code JOIN_CONNECTION}), a user's
     * ({@code JOIN_USER}) or those matching {@code filter} ({@code JOIN_FILTERED}); returns how many connections
     * joined there, once each node has them in the groups (and subscribed).
     */
    public int join(String kind, String hubName, String target, List<String> groups, String filter) {
        return ask(message(Kind.valueOf(kind), hubName, target)
                        .withGroups(groups)
                        .withExcluded(List.of(), filter))
                .size();
    }

    /** Takes connections on other nodes out of {@code groups} (none: out of all): like {@link #join}, not waiting. */
    public void leave(String kind, String hubName, String target, List<String> groups, String filter) {
        tell(message(Kind.valueOf(kind), hubName, target).withGroups(groups).withExcluded(List.of(), filter));
    }

    /** Grants or revokes a permission of a connection on another node; whether a node holds that connection. */
    public boolean permission(
            boolean grant, String hubName, String connectionId, Permissions.Action action, String targetName) {
        ClusterMessage message = message(grant ? Kind.GRANT : Kind.REVOKE, hubName, connectionId)
                .withGroups(List.of(action.permissionName()))
                .withReason(targetName);
        if (grant) {
            return !ask(message).isEmpty();
        }
        tell(message);
        return true;
    }

    /** Whether a connection on another node has the permission. */
    public boolean permits(String hubName, String connectionId, Permissions.Action action, String targetName) {
        return ask(message(Kind.CHECK_PERMISSION, hubName, connectionId)
                        .withGroups(List.of(action.permissionName()))
                        .withReason(targetName))
                .contains("true");
    }

    /** The members of a group on the other nodes: {@code connectionId} or {@code connectionId\nuserId}. */
    public List<String> members(String hubName, String group) {
        return ask(message(Kind.LIST_GROUP, hubName, group));
    }

    /** Whether some node holds the connection (the directory). */
    public boolean connectionExists(String hubName, String connectionId) {
        return lookUp(redis -> redis.hexists(directory(), field(hubName, connectionId)));
    }

    /** Whether some node has members of the group (it subscribes the group's channel). */
    public boolean groupExists(String hubName, String group) {
        return lookUp(redis -> redis.pubsubNumsub(groupChannel(hubName, group)).values().stream()
                .anyMatch(n -> n > 0));
    }

    /** Whether some node holds a connection of the user (it subscribes the user's channel). */
    public boolean userExists(String hubName, String user) {
        return lookUp(redis ->
                redis.pubsubNumsub(userChannel(hubName, user)).values().stream().anyMatch(n -> n > 0));
    }

    /** Whether a connection has a permission: the role itself without a target, else for that group. */
    public static boolean permits(HubConnection connection, Permissions.Action action, String targetName) {
        return targetName == null
                ? connection.permissions().roles().contains(action.role())
                : connection.permissions().allows(action, targetName);
    }

    // --- what the other nodes tell this one ---

    private void received(String channel, String text) {
        ClusterMessage message;
        try {
            message = ClusterMessage.read(text);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dropping a cluster message on {0} that does not parse: {1}", new Object[] {
                channel, e.toString()
            });
            return;
        }
        if (message.origin().equals(node.nodeId())) {
            return;
        }
        if (message.kind() == Kind.ANSWER) {
            Question question = questions.get(message.askId());
            if (question != null && node.nodeId().equals(message.target())) {
                question.answered(message.values());
            }
            return;
        }
        CompletionStage<List<String>> answer = apply(message);
        if (message.askId() != 0) {
            answer.thenAccept(values -> node.publish(
                    nodeChannel(message.origin()),
                    message.answer(node.nodeId(), values).write()));
        }
    }

    private CompletionStage<List<String>> apply(ClusterMessage m) {
        String h = m.hub();
        Predicate<HubConnection> matches = matches(m);
        Optional<HubConnection> one = m.target() == null ? Optional.empty() : hub.connection(h, m.target());
        List<String> none = List.of();
        switch (m.kind()) {
            case SEND_GROUP -> hub.sendToLocalGroup(h, m.target(), m.payload(), m.fromUserId(), matches.negate());
            case SEND_USER ->
                hub.sendToConnections(
                        hub.connectionsOfUser(h, m.target()).stream()
                                .filter(matches)
                                .toList(),
                        m.payload());
            case SEND_ALL ->
                hub.sendToConnections(
                        hub.connectionsOfHub(h).stream().filter(matches).toList(), m.payload());
            case SEND_CONNECTION -> one.ifPresent(c -> hub.sendToConnections(List.of(c), m.payload()));
            case CLOSE_CONNECTION -> one.ifPresent(c -> sessions.closeByServer(c, m.reason()));
            case CLOSE_ALL -> closeAll(hub.connectionsOfHub(h).stream(), matches, m.reason());
            case CLOSE_GROUP -> closeAll(hub.connectionsInGroup(h, m.target()).stream(), matches, m.reason());
            case CLOSE_USER -> closeAll(hub.connectionsOfUser(h, m.target()).stream(), matches, m.reason());
            case JOIN_CONNECTION -> {
                return joinAll(one.stream().toList(), m.groups());
            }
            case JOIN_USER -> {
                return joinAll(List.copyOf(hub.connectionsOfUser(h, m.target())), m.groups());
            }
            case JOIN_FILTERED -> {
                return joinAll(hub.connectionsOfHub(h).stream().filter(matches).toList(), m.groups());
            }
            case LEAVE_CONNECTION, LEAVE_ALL_CONNECTION -> one.ifPresent(c -> leaveAll(c, m.groups()));
            case LEAVE_USER, LEAVE_ALL_USER ->
                hub.connectionsOfUser(h, m.target()).forEach(c -> leaveAll(c, m.groups()));
            case LEAVE_FILTERED ->
                hub.connectionsOfHub(h).stream().filter(matches).forEach(c -> leaveAll(c, m.groups()));
            case GRANT, REVOKE -> {
                Optional<Permissions.Action> action = action(m.groups());
                if (one.isPresent() && action.isPresent()) {
                    if (m.kind() == Kind.GRANT) {
                        one.get().permissions().grant(action.get(), m.reason());
                    } else {
                        one.get().permissions().revoke(action.get(), m.reason());
                    }
                    return CompletableFuture.completedFuture(List.of(one.get().id()));
                }
            }
            case CHECK_PERMISSION -> {
                Optional<Permissions.Action> action = action(m.groups());
                if (one.isPresent() && action.isPresent()) {
                    return CompletableFuture.completedFuture(
                            List.of(String.valueOf(permits(one.get(), action.get(), m.reason()))));
                }
            }
            case LIST_GROUP -> {
                return CompletableFuture.completedFuture(hub.connectionsInGroup(h, m.target()).stream()
                        .map(c -> c.id() + c.userId().map(u -> "\n" + u).orElse(""))
                        .toList());
            }
            case ANSWER -> {
                // handled by received
            }
        }
        return CompletableFuture.completedFuture(none);
    }

    private static Optional<Permissions.Action> action(List<String> names) {
        return Stream.of(Permissions.Action.values())
                .filter(a -> names.contains(a.permissionName()))
                .findFirst();
    }

    /** The recipients a message's filter and exclusions leave; a filter this node cannot parse leaves none. */
    private static Predicate<HubConnection> matches(ClusterMessage m) {
        Predicate<HubConnection> filter;
        try {
            filter = ConnectionFilter.parse(m.filter());
        } catch (IllegalArgumentException e) {
            filter = c -> false;
        }
        List<String> excluded = m.excluded();
        return filter.and(c -> !excluded.contains(c.id()));
    }

    private void closeAll(Stream<HubConnection> connections, Predicate<HubConnection> matches, String reason) {
        connections.filter(matches).toList().forEach(c -> sessions.closeByServer(c, reason));
    }

    /** Joins each connection to each group; completes with their ids once every subscription is confirmed. */
    private CompletionStage<List<String>> joinAll(List<HubConnection> connections, List<String> groups) {
        List<CompletableFuture<Void>> subscribed = new ArrayList<>();
        for (HubConnection c : connections) {
            for (String group : groups) {
                subscribed.add(hub.joinLater(c, group).toCompletableFuture());
            }
        }
        List<String> ids = connections.stream().map(HubConnection::id).toList();
        return CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new))
                .handle((done, failure) -> ids);
    }

    private void leaveAll(HubConnection connection, List<String> groups) {
        (groups.isEmpty() ? List.copyOf(connection.groups()) : groups).forEach(g -> hub.leave(connection, g));
    }

    // --- a lost node, Redis back ---

    /** Another node was lost: each connection it held is {@code disconnected} for the event handler, once. */
    void nodeLost(@Observes NodeLost lost) {
        Optional<RedisCommands<String, String>> blocking = node.blocking();
        if (blocking.isEmpty()) {
            return;
        }
        RedisCommands<String, String> redis = blocking.get();
        Map<String, String> left = redis.hgetall(nodeDirectory(lost.nodeId()));
        for (Map.Entry<String, String> entry : left.entrySet()) {
            redis.hdel(directory(), entry.getKey());
            try {
                LostConnection connection = LostConnection.read(entry.getValue());
                if (settings.handlesSystemEvent(connection.hub(), "disconnected")) {
                    upstream.disconnected(connection, "the hub node of the connection was lost");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not end connection {0} of the lost node {1}: {2}", new Object[] {
                    entry.getKey(), lost.nodeId(), e.toString()
                });
            }
        }
        redis.del(nodeDirectory(lost.nodeId()));
        LOG.log(Level.INFO, "Ended {0} connections of the lost hub node {1}", new Object[] {left.size(), lost.nodeId()
        });
    }

    /**
     * Redis is reachable again (perhaps restarted empty): this node writes its part of the directory again. If another
     * node took this one for lost meanwhile, it told the app that this node's connections ended: they end here now
     * (clients connect afresh, and presence counts them again).
     */
    void redisBack(@Observes RedisBack back) {
        listen();
        if (back.declaredLost()) {
            for (HubConnection connection : List.copyOf(hub.all())) {
                sessions.closeByServer(
                        connection, "the hub node was cut off from the cluster for too long: connect again");
            }
        }
        node.blocking().ifPresent(redis -> {
            redis.del(nodeDirectory(node.nodeId()));
            for (HubConnection connection : List.copyOf(hub.all())) {
                redis.hset(directory(), field(connection.hub(), connection.id()), node.nodeId());
                redis.hset(
                        nodeDirectory(node.nodeId()),
                        field(connection.hub(), connection.id()),
                        LostConnection.describe(connection));
            }
        });
    }

    // --- plumbing ---

    private synchronized CompletionStage<Void> retain(String channel) {
        if (subscribers.merge(channel, 1, Integer::sum) == 1) {
            return node.subscribe(channel);
        }
        return CompletableFuture.completedFuture(null);
    }

    private synchronized void release(String channel) {
        Integer left = subscribers.computeIfPresent(channel, (c, n) -> n > 1 ? n - 1 : null);
        if (left == null) {
            node.unsubscribe(channel);
        }
    }

    private void tell(ClusterMessage message) {
        if (listen()) {
            node.publish(allChannel(), message.write());
        }
    }

    /** Asks every other live node; their answers' values, together (what came within {@value #ASK_SECONDS} s). */
    private List<String> ask(ClusterMessage message) {
        if (!listen()) {
            return List.of();
        }
        int others;
        try {
            others = node.liveNodes().size() - 1;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot ask the other nodes: {0}", e.toString());
            return List.of();
        }
        if (others <= 0) {
            return List.of();
        }
        long id = questionIds.incrementAndGet();
        Question question = new Question(others);
        questions.put(id, question);
        try {
            node.publish(allChannel(), message.asking(id).write());
            return question.answers();
        } finally {
            questions.remove(id);
        }
    }

    private boolean lookUp(Predicate<RedisCommands<String, String>> query) {
        if (!node.enabled()) {
            return false;
        }
        try {
            return node.blocking().map(query::test).orElse(false);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot look up the cluster: {0}", e.toString());
            return false;
        }
    }

    private ClusterMessage message(Kind kind, String hubName, String target) {
        return ClusterMessage.of(kind, node.nodeId(), HubSettings.normalise(hubName), target);
    }

    private String allChannel() {
        return node.key("hub", "all");
    }

    private String nodeChannel(String nodeId) {
        return node.key("hub", "node", nodeId);
    }

    private String groupChannel(String hubName, String group) {
        return node.key("hub", "group", hubName, group);
    }

    private String userChannel(String hubName, String user) {
        return node.key("hub", "user", hubName, user);
    }

    private String directory() {
        return node.key("hub", "connections");
    }

    private String nodeDirectory(String nodeId) {
        return node.key("hub", "node", nodeId, "connections");
    }

    private static String field(String hubName, String connectionId) {
        return hubName + ":" + connectionId;
    }

    /** A question to the other nodes: their answers, as they come. */
    private static final class Question {
        private final CountDownLatch pending;
        private final List<String> values = new ArrayList<>();

        Question(int nodes) {
            pending = new CountDownLatch(nodes);
        }

        synchronized void answered(List<String> answer) {
            values.addAll(answer);
            pending.countDown();
        }

        List<String> answers() {
            try {
                pending.await(ASK_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                return List.copyOf(values);
            }
        }
    }
}
