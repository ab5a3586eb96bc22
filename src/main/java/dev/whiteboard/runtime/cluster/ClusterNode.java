package dev.whiteboard.runtime.cluster;

import dev.whiteboard.runtime.Periodic;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node of a cluster over Redis, or the only node: with {@code whiteboard.cluster.redis-url} unset (the default)
 * {@link #enabled()} is false, and nothing connects, subscribes or starts a thread.
 *
 * <p>With it set, the node has an id ({@code whiteboard.cluster.node-id}, or random per start), one Redis connection
 * for commands and one for pub/sub (Lettuce: both reconnect by themselves; the pub/sub connection subscribes its
 * channels again), and a heartbeat every {@value #HEARTBEAT_SECONDS} s: a key with a TTL of {@value #TTL_SECONDS} s
 * and the node's name in a sorted set of nodes. The same beat looks for nodes in that set whose key has expired: the
 * first survivor to take a short lock on such a node fires {@link NodeLost} for it (once in the cluster), then forgets
 * it. Redis down is a WARNING in the log and {@code cluster: DOWN} in {@code /api/health} until the next beat reaches
 * it again, which fires {@link RedisBack}. Every key and channel starts with {@code whiteboard.cluster.prefix}, so
 * clusters (or test runs) that share a Redis never meet.
 */
@ApplicationScoped
public class ClusterNode {

    static final int HEARTBEAT_SECONDS = 3;
    static final int TTL_SECONDS = 10;
    /** How long the survivor that handles a lost node holds it, so that no other handles it too. */
    static final int REAP_LOCK_SECONDS = 60;
    /** How long a node that was taken for lost can come back and still learn it. */
    static final int LOST_MARK_SECONDS = 7 * 24 * 3600;

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

    @Inject
    @ConfigProperty(name = "whiteboard.cluster.redis-url")
    Optional<String> redisUrl;

    @Inject
    @ConfigProperty(name = "whiteboard.cluster.node-id")
    Optional<String> configuredNodeId;

    @Inject
    @ConfigProperty(name = "whiteboard.cluster.prefix", defaultValue = "whiteboard")
    String prefix;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    Event<NodeLost> nodeLost;

    @Inject
    Event<RedisBack> redisBack;

    private final String randomId = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Periodic heartbeat = new Periodic();
    private RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubsub;
    private volatile boolean up;
    private volatile String problem = "not connected yet";

    /** Whether this node is one of a cluster ({@code whiteboard.cluster.redis-url} is set). */
    public boolean enabled() {
        return redisUrl.filter(url -> !url.isBlank()).isPresent();
    }

    /** This node's name: the configured one, else random per start (12 hex digits). */
    public String nodeId() {
        return configuredNodeId.filter(id -> !id.isBlank()).map(String::strip).orElse(randomId);
    }

    /** A Redis key or channel of this cluster: the prefix and the parts, joined by {@code :}. */
    public String key(String... parts) {
        return prefix + ":" + String.join(":", parts);
    }

    /** Whether Redis answered the last heartbeat. */
    public boolean up() {
        return up;
    }

    /** Why Redis cannot be used now, when it cannot. */
    public Optional<String> problem() {
        return up ? Optional.empty() : Optional.of(problem);
    }

    void onStart(@Observes Startup startup) {
        if (!enabled()) {
            return;
        }
        LOG.log(Level.INFO, "Cluster node {0} over Redis at {1} (keys and channels {2}:*)", new Object[] {
            nodeId(), redacted(redisUrl.get()), prefix
        });
        heartbeat.start(
                threads, executor, 0, HEARTBEAT_SECONDS, "renew the cluster heartbeat of node " + nodeId(), this::beat);
    }

    /** Receives every pub/sub message of the channels this node subscribes ({@code channel, message}). */
    public void listen(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    /** Subscribes a channel, now and after every reconnection; done when Redis has confirmed it (or failed). */
    public CompletionStage<Void> subscribe(String channel) {
        channels.add(channel);
        StatefulRedisPubSubConnection<String, String> current = pubsub;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return current.async().subscribe(channel);
    }

    public CompletionStage<Void> unsubscribe(String channel) {
        channels.remove(channel);
        StatefulRedisPubSubConnection<String, String> current = pubsub;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return current.async().unsubscribe(channel);
    }

    /** Publishes a message; lost (and logged at FINE) while Redis cannot be reached. */
    public void publish(String channel, String message) {
        commands()
                .ifPresent(redis -> redis.publish(channel, message).exceptionally(failure -> {
                    LOG.log(Level.FINE, "Could not publish to {0}: {1}", new Object[] {channel, failure.toString()});
                    return 0L;
                }));
    }

    /** The asynchronous commands (in the order they are called), while connected. */
    public Optional<RedisAsyncCommands<String, String>> commands() {
        StatefulRedisConnection<String, String> current = connection;
        return current == null ? Optional.empty() : Optional.of(current.async());
    }

    /** The blocking commands (each at most 2 s), connecting first if need be; empty when Redis cannot be reached. */
    public Optional<RedisCommands<String, String>> blocking() {
        return connected() ? Optional.of(connection.sync()) : Optional.empty();
    }

    /** The nodes whose heartbeat is alive now, this one included; throws when Redis cannot be asked. */
    public Set<String> liveNodes() {
        RedisCommands<String, String> redis =
                blocking().orElseThrow(() -> new IllegalStateException("Redis cannot be reached: " + problem));
        Set<String> live = new LinkedHashSet<>();
        live.add(nodeId());
        for (String node : redis.zrange(key("nodes"), 0, -1)) {
            if (redis.exists(aliveKey(node)) > 0) {
                live.add(node);
            }
        }
        return live;
    }

    /** One beat: renew this node's key, then look for lost nodes. */
    void beat() {
        if (!connected()) {
            down(problem);
            return;
        }
        try {
            RedisCommands<String, String> redis = connection.sync();
            long now = System.currentTimeMillis();
            // renewed at most 3 s ago with a TTL of 10: gone means Redis lost its data (restarted empty, faster than a
            // beat could notice) or this node stood still too long; either way what it keeps there is written again
            boolean keptKeys = redis.exists(aliveKey(nodeId())) > 0;
            redis.setex(aliveKey(nodeId()), TTL_SECONDS, String.valueOf(now));
            redis.zadd(key("nodes"), now, nodeId());
            if (!up || !keptKeys) {
                up = true;
                boolean declaredLost = redis.del(lostKey(nodeId())) > 0;
                LOG.log(
                        declaredLost ? Level.WARNING : Level.INFO,
                        declaredLost
                                ? "Cluster node {0} reaches Redis at {1} again, but another node took it for lost"
                                        + " meanwhile: its connections end, their clients connect afresh"
                                : "Cluster node {0} reaches Redis at {1}",
                        new Object[] {nodeId(), redacted(redisUrl.get())});
                resubscribe();
                redisBack.fire(new RedisBack(nodeId(), declaredLost));
            }
            reapLostNodes(redis);
        } catch (RuntimeException e) {
            down(describe(e));
        }
    }

    private void reapLostNodes(RedisCommands<String, String> redis) {
        for (String node : redis.zrange(key("nodes"), 0, -1)) {
            if (node.equals(nodeId()) || redis.exists(aliveKey(node)) > 0) {
                continue;
            }
            String lock = redis.set(
                    key("node", node, "reaping"), nodeId(), SetArgs.Builder.nx().ex(REAP_LOCK_SECONDS));
            if (!"OK".equals(lock)) {
                continue; // another survivor handles it
            }
            LOG.log(
                    Level.WARNING,
                    "Cluster node {0} stopped its heartbeat: node {1} ends what it left behind",
                    new Object[] {node, nodeId()});
            try {
                nodeLost.fire(new NodeLost(node));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not clean up after the lost node " + node, e);
            }
            // a node that was only cut off learns from this mark, when it reaches Redis again, that it was taken for
            // lost
            redis.setex(lostKey(node), LOST_MARK_SECONDS, nodeId());
            redis.zrem(key("nodes"), node);
        }
    }

    private String lostKey(String node) {
        return key("node", node, "lost");
    }

    private String aliveKey(String node) {
        return key("node", node, "alive");
    }

    private void down(String why) {
        problem = why;
        if (up) {
            up = false;
            LOG.log(
                    Level.WARNING,
                    "Cluster node {0} cannot reach Redis at {1}: {2}. Messages to other nodes are lost"
                            + " until it is back (clients resync by version)",
                    new Object[] {nodeId(), redacted(redisUrl.get()), why});
        } else {
            LOG.log(Level.FINE, "Still no Redis: {0}", why);
        }
    }

    /** Connects both connections once; Lettuce reconnects them by itself afterwards. */
    private synchronized boolean connected() {
        if (connection != null && pubsub != null) {
            return true;
        }
        if (!enabled()) {
            return false;
        }
        try {
            if (client == null) {
                RedisURI uri = RedisURI.create(redisUrl.get().strip());
                uri.setTimeout(COMMAND_TIMEOUT);
                client = RedisClient.create(uri);
                client.setOptions(ClientOptions.builder()
                        .autoReconnect(true)
                        // while Redis is away a command fails at once: a publish is lost (the clients resync by
                        // version), nothing piles up in the heap, no caller waits
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                        .build());
            }
            if (connection == null) {
                connection = client.connect();
            }
            if (pubsub == null) {
                StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
                subscriber.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        for (BiConsumer<String, String> listener : listeners) {
                            try {
                                listener.accept(channel, message);
                            } catch (RuntimeException e) {
                                LOG.log(Level.WARNING, "A cluster message on " + channel + " failed", e);
                            }
                        }
                    }
                });
                pubsub = subscriber;
            }
            return true;
        } catch (RuntimeException e) {
            problem = describe(e);
            return false;
        }
    }

    private void resubscribe() {
        StatefulRedisPubSubConnection<String, String> current = pubsub;
        if (current != null && !channels.isEmpty()) {
            current.async().subscribe(channels.toArray(String[]::new));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.lines().findFirst().orElse("").strip();
        // Lettuce's own sentences end with a full stop (some with two), the log's sentence goes on after them
        return line.replaceAll("\\.+$", "");
    }

    /** The URL without its password, for the log. */
    static String redacted(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @PreDestroy
    synchronized void stop() {
        heartbeat.stop();
        if (client != null) {
            if (connection != null) {
                try {
                    // the key goes, the name stays in the set: a survivor's next beat ends what this node leaves
                    connection.sync().del(aliveKey(nodeId()));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Could not sign off from Redis: {0}", e.toString());
                }
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client = null;
            connection = null;
            pubsub = null;
        }
    }
}
