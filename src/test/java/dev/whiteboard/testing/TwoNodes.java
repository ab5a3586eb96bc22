package dev.whiteboard.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two nodes of the product (separate server processes, Payara Micro or WildFly as {@link TestServer} runs them) on one
 * PostgreSQL schema and one Redis (a {@link RedisServer} of their own, which a test may restart), behind the product's
 * nginx gateway for several nodes ({@link Gateway}), as the README's "Several nodes" recipe runs them: both are told
 * the gateway's public address. PostgreSQL in every pass (two processes cannot share an H2 file): the configured
 * server's, or the local one on the H2 pass; a schema of the class's own, dropped at the end. Started once for the
 * class,
 * stopped newest first (also after a failed start). Registered as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TwoNodes nodes = TwoNodes.behindGateway("cluster-gateway");
 * }</pre>
 */
public final class TwoNodes implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private DatabaseConfig database;
    private RedisServer redis;
    private TestServer a;
    private TestServer b;
    private Gateway gateway;

    private TwoNodes(String name) {
        this.name = name;
    }

    /** Nodes {@code <name>-a} and {@code <name>-b} behind one gateway. */
    public static TwoNodes behindGateway(String name) {
        return new TwoNodes(name);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        database = DatabaseConfig.newPostgreSqlSchema(schema());
        try {
            redis = RedisServer.start();
            running.push(redis);
            int gatewayPort = Gateway.choosePort();
            a = node("a", gatewayPort);
            running.push(a);
            a.startFresh();
            b = node("b", gatewayPort);
            running.push(b);
            b.startFresh();
            gateway = Gateway.start(
                    gatewayPort, List.of(a.baseUri().getPort(), b.baseUri().getPort()));
            running.push(gateway);
        } catch (RuntimeException | Error failed) {
            stopAll(failed);
            throw failed;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        RuntimeException failed = new IllegalStateException("could not stop every part of the two nodes");
        stopAll(failed);
        if (failed.getSuppressed().length > 0) {
            throw failed;
        }
    }

    private void stopAll(Throwable failures) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
        try {
            database.dropSchema();
        } catch (SQLException e) {
            failures.addSuppressed(e);
        }
    }

    private TestServer node(String suffix, int gatewayPort) {
        return TestServer.onPostgreSql(name + "-" + suffix, database)
                .withEnvironment("WHITEBOARD_PUBLIC_URL", "https://localhost:" + gatewayPort + "/")
                .withEnvironment("WHITEBOARD_CLUSTER_REDIS_URL", redis.url())
                .withEnvironment("WHITEBOARD_CLUSTER_PREFIX", prefix())
                .withEnvironment("WHITEBOARD_CLUSTER_NODE_ID", nodeId(suffix));
    }

    private String schema() {
        return (name + "_" + run).replaceAll("[^A-Za-z0-9_]", "_");
    }

    private String prefix() {
        return "wb-it-" + run;
    }

    private String nodeId(String suffix) {
        return name + "-" + suffix + "-" + run;
    }

    /** The Redis of these two nodes alone (a test may restart it). */
    public RedisServer redis() {
        return redis;
    }

    public TestServer a() {
        return a;
    }

    public TestServer b() {
        return b;
    }

    public Gateway gateway() {
        return gateway;
    }

    /** The shared database (PostgreSQL, the class's own schema). */
    public DatabaseConfig database() {
        return database;
    }

    /**
     * The node that holds a connection on a board, as its presence row says ({@code presence_connections.node_id}):
     * {@link #a()}, {@link #b()}, or empty when the connection has no row (not on a board, or gone).
     */
    public Optional<TestServer> nodeOf(String connectionId) {
        return nodeIdOf("SELECT node_id FROM presence_connections WHERE connection_id = ?", connectionId);
    }

    /** The node of {@code user}'s connection on {@code board}, when the user has exactly one there. */
    public Optional<TestServer> nodeOfUser(String board, String user) {
        return nodeIdOf(
                "SELECT MIN(node_id) FROM presence_connections WHERE board_id = ? AND user_name = ?"
                        + " HAVING COUNT(*) = 1",
                board,
                user);
    }

    /** How many presence rows a node still has (its live connections on boards, as the database says). */
    public int presenceRowsOf(TestServer node) {
        try (Connection connection = connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT COUNT(*) FROM presence_connections WHERE node_id = ?")) {
            query.setString(1, node == a ? nodeId("a") : nodeId("b"));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<TestServer> nodeIdOf(String sql, String... parameters) {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next() || rows.getString(1) == null) {
                    return Optional.empty();
                }
                String node = rows.getString(1);
                if (node.equals(nodeId("a"))) {
                    return Optional.of(a);
                }
                if (node.equals(nodeId("b"))) {
                    return Optional.of(b);
                }
                throw new IllegalStateException("a connection on an unknown node: " + node);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
