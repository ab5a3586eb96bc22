package dev.whiteboard.runtime.limits;

import dev.whiteboard.runtime.cluster.ClusterNode;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SlidingWindows} in Redis, shared by every node: per key a sorted set of the events' times (Redis's own clock,
 * so the nodes' clocks do not matter), trimmed, counted and added to by one Lua script (atomic: two nodes counting at
 * once both count), expiring with its window. Keys under the cluster's prefix ({@code <prefix>:window:<key>}). Throws
 * when Redis cannot be asked; {@link Windows} falls back to the node's own count then.
 */
final class RedisWindows implements SlidingWindows {

    /** Returns 0 when counted, else the microseconds until one more would be. */
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local window = tonumber(ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
            """;

    private static final String SHA = sha1(SCRIPT);

    private final ClusterNode cluster;
    private final AtomicLong events = new AtomicLong();

    RedisWindows(ClusterNode cluster) {
        this.cluster = cluster;
    }

    @Override
    public Optional<Duration> take(String key, int max, Duration window) {
        RedisCommands<String, String> redis = cluster.blocking()
                .orElseThrow(() -> new IllegalStateException(
                        "Redis cannot be reached: " + cluster.problem().orElse("not connected")));
        String[] keys = {cluster.key("window", key)};
        String[] args = {
            String.valueOf(window.toNanos() / 1000),
            String.valueOf(max),
            cluster.nodeId() + "-" + events.incrementAndGet()
        };
        Long wait;
        try {
            wait = redis.evalsha(SHA, ScriptOutputType.INTEGER, keys, args);
        } catch (RedisNoScriptException e) {
            wait = redis.eval(SCRIPT, ScriptOutputType.INTEGER, keys, args);
        }
        return wait == null || wait <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait * 1000));
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
