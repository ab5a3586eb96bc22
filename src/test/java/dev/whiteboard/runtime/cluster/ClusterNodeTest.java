package dev.whiteboard.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A single node stays one without Redis; a cluster node names itself and its keys, and never logs a password. */
class ClusterNodeTest {

    private static ClusterNode node(String url, String id, String prefix) {
        ClusterNode node = new ClusterNode();
        node.redisUrl = Optional.ofNullable(url);
        node.configuredNodeId = Optional.ofNullable(id);
        node.prefix = prefix;
        return node;
    }

    @Test
    void withoutARedisUrlThereIsNoClusterAndNothingConnects() {
        ClusterNode single = node(null, null, "whiteboard");
        assertFalse(single.enabled());
        assertFalse(node(" ", null, "whiteboard").enabled(), "a blank URL is none");
        assertTrue(single.blocking().isEmpty(), "nothing connects");
        single.publish("whiteboard:hub:all", "ignored"); // no Redis, no failure
    }

    @Test
    void aNodeIsNamedAsConfiguredOrAtRandomOncePerStart() {
        assertEquals("node-1", node("redis://127.0.0.1:6379", " node-1 ", "p").nodeId());
        ClusterNode random = node("redis://127.0.0.1:6379", null, "p");
        assertEquals(12, random.nodeId().length());
        assertEquals(random.nodeId(), random.nodeId(), "the same all through one start");
    }

    @Test
    void keysAndChannelsStartWithThePrefix() {
        assertEquals(
                "run-7:hub:group:whiteboard:b-1",
                node("redis://x", "n", "run-7").key("hub", "group", "whiteboard", "b-1"));
    }

    @Test
    void theLogNeverShowsThePassword() {
        assertEquals("redis://***@cache:6379/0", ClusterNode.redacted("redis://:s3cret@cache:6379/0"));
        assertEquals("redis://127.0.0.1:6379", ClusterNode.redacted("redis://127.0.0.1:6379"));
    }
}
