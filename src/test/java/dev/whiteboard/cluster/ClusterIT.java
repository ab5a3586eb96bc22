package dev.whiteboard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.rest.RequestOptions;
import com.azure.core.util.BinaryData;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.DatabaseConfig;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TcpProxy;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.WsClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the product (separate server processes) on one PostgreSQL schema and one Redis, as issue 17 runs them:
 * the built-in hub is one logical hub (group, user and connection messages and REST operations cross nodes, in order),
 * a reliable client cannot be recovered on a node that does not hold its connection (1008: it starts afresh and
 * resyncs), and when a node is killed the other reports its connections disconnected, so presence drops them within
 * 30 s. PostgreSQL in every pass (two processes cannot share an H2 file): a schema of its own, dropped at the end; a
 * Redis key prefix of its own, so that runs never meet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String RUN =
            UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String SCHEMA = "cluster_it_" + RUN;
    private static final String PREFIX = "wb-it-" + RUN;
    private static final String REDIS = "redis://127.0.0.1:6379";

    private static DatabaseConfig database;
    private static TestServer a;
    private static TestServer b;
    private static TcpProxy redisForB;
    private static String earlyBoard;
    private static BoardClient early;
    private static final String HUB = "cluster" + RUN;

    @BeforeAll
    static void startTwoNodes() throws SQLException {
        DatabaseConfig configured = DatabaseConfig.fromSystemProperties();
        String base = configured.embedded()
                ? "jdbc:postgresql://127.0.0.1:5432/test"
                : configured.url().replaceAll("[?&]currentSchema=[^&]*", "");
        String user = configured.embedded() ? "postgres" : configured.user();
        String password = configured.embedded() ? "unused" : configured.password();
        try (Connection connection = DriverManager.getConnection(base, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        database =
                new DatabaseConfig(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, user, password);
        a = node("cluster-a", REDIS).startFresh();
        // someone on a board of node A before node B starts: B's start must not forget A's live connections
        earlyBoard = Http.as(a.baseUri(), "carol")
                .postJson("api/boards", "{\"title\":\"before B\"}")
                .json()
                .getString("id");
        early = BoardClient.join(a.baseUri(), "carol", earlyBoard);
        Eventually.until(
                "carol to be on the board",
                Duration.ofSeconds(10),
                () -> Http.as(a.baseUri(), "carol")
                        .get("api/boards/" + earlyBoard + "/presence")
                        .text()
                        .contains("\"carol\""));
        // B reaches Redis through a proxy the test cuts: Redis away for B alone, and the shared Redis keeps running
        redisForB = new TcpProxy("127.0.0.1", 6379);
        b = node("cluster-b", "redis://127.0.0.1:" + redisForB.port()).startFresh();
    }

    private static TestServer node(String name, String redis) {
        return TestServer.onPostgreSql(name, database)
                .withEnvironment("WHITEBOARD_CLUSTER_REDIS_URL", redis)
                .withEnvironment("WHITEBOARD_CLUSTER_PREFIX", PREFIX)
                .withEnvironment("WHITEBOARD_CLUSTER_NODE_ID", name + "-" + RUN);
    }

    @AfterAll
    static void stopAndCleanUp() throws SQLException {
        if (early != null) {
            early.close();
        }
        for (TestServer node : new TestServer[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (redisForB != null) {
            redisForB.close();
        }
        deletePrefixedKeys();
        try (Connection connection = DriverManager.getConnection(
                        database.url().replaceAll("[?&]currentSchema=[^&]*", ""),
                        database.user(),
                        database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** Deletes this run's keys from Redis, as a Redis restarted without its data would have lost them. */
    private static void deletePrefixedKeys() {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys(PREFIX + ":*");
            if (!keys.isEmpty()) {
                redis.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    private static RequestOptions json() {
        return new RequestOptions().setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
    }

    private static String token(TestServer node, String user, String... groups) {
        GetClientAccessTokenOptions options = new GetClientAccessTokenOptions().setUserId(user);
        for (String group : groups) {
            options.addGroup(group).addRole("webpubsub.sendToGroup." + group);
        }
        return node.hubClient(HUB).getClientAccessToken(options).getUrl();
    }

    private static JsonObject connected(WsClient client) {
        JsonObject connected = client.next();
        assertEquals("connected", connected.getString("event"), connected::toString);
        return connected;
    }

    private static List<Integer> numbers(WsClient client, int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject message = client.nextMatching(m -> "message".equals(m.getString("type", "")));
            numbers.add(message.getJsonObject("data").getInt("n"));
        }
        return numbers;
    }

    private static List<Integer> oneTo(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    @Test
    @Order(0)
    void startingNodeBLeavesThePresenceOfNodeAsConnectionsAlone() {
        Http daveOnB = Http.as(b.baseUri(), "dave");
        String people = daveOnB.get("api/boards/" + earlyBoard + "/presence").text();
        assertTrue(people.contains("\"carol\""), "B's start-up forgot only its own and dead nodes' rows: " + people);
        early.close();
        early = null;
        Eventually.until(
                "carol to leave once her connection on A closed",
                Duration.ofSeconds(10),
                () -> !daveOnB.get("api/boards/" + earlyBoard + "/presence")
                        .text()
                        .contains("\"carol\""));
    }

    @Test
    @Order(1)
    void clientsOnTwoNodesGetEachOthersGroupMessagesInOrder() {
        try (WsClient onA = WsClient.json(token(a, "ann", "room"));
                WsClient onB = WsClient.json(token(b, "ben", "room"))) {
            connected(onA);
            connected(onB);
            for (int n = 1; n <= 50; n++) {
                onA.send("{\"type\":\"sendToGroup\",\"group\":\"room\",\"noEcho\":true,\"data\":{\"n\":" + n + "}}");
            }
            List<Integer> received = numbers(onB, 50);
            assertEquals(oneTo(50), received, "node B's client gets A's messages once each, in order");
            for (int n = 1; n <= 20; n++) {
                onB.send("{\"type\":\"sendToGroup\",\"group\":\"room\",\"noEcho\":true,\"data\":{\"n\":" + n + "}}");
            }
            assertEquals(oneTo(20), numbers(onA, 20));
        }
    }

    @Test
    @Order(2)
    void restSendsThroughNodeAReachClientsOnNodeB() {
        WebPubSubServiceClient viaA = a.hubClient(HUB);
        try (WsClient onB = WsClient.json(token(b, "bea", "only-on-b"))) {
            String beaId = connected(onB).getString("connectionId");
            assertTrue(
                    viaA.groupExistsWithResponse("only-on-b", null).getValue(),
                    "A knows the group exists: its only member is on B");
            assertTrue(viaA.userExistsWithResponse("bea", null).getValue());
            // the filter and the exclusions are applied on B: these never reach bea (sent first, they would come first)
            viaA.sendToGroupWithResponse(
                    "only-on-b",
                    BinaryData.fromString("{\"n\":97}"),
                    json().addQueryParam("filter", "userId ne 'bea'"));
            viaA.sendToAllWithResponse(BinaryData.fromString("{\"n\":98}"), json().addQueryParam("excluded", beaId));
            viaA.sendToUserWithResponse(
                    "bea", BinaryData.fromString("{\"n\":99}"), json().addQueryParam("filter", "'x' in groups"));
            viaA.sendToGroup("only-on-b", "{\"n\":1}", WebPubSubContentType.APPLICATION_JSON);
            viaA.sendToUser("bea", "{\"n\":2}", WebPubSubContentType.APPLICATION_JSON);
            viaA.sendToAll("{\"n\":3}", WebPubSubContentType.APPLICATION_JSON);
            assertEquals(List.of(1, 2, 3), numbers(onB, 3));
        }
        Eventually.until(
                "the group to be gone once its last member left",
                Duration.ofSeconds(10),
                () -> !viaA.groupExistsWithResponse("only-on-b", null).getValue());
    }

    @Test
    @Order(3)
    void connectionsAndUsersOnNodeBAreManagedThroughNodeA() {
        WebPubSubServiceClient viaA = a.hubClient(HUB);
        try (WsClient onB = WsClient.json(token(b, "bob"))) {
            String id = connected(onB).getString("connectionId");
            assertTrue(viaA.connectionExistsWithResponse(id, null).getValue());
            assertFalse(viaA.connectionExistsWithResponse("no-such-connection", null)
                    .getValue());

            viaA.addUserToGroupWithResponse("later", "bob", null);
            viaA.sendToGroup("later", "{\"n\":1}", WebPubSubContentType.APPLICATION_JSON);
            assertEquals(List.of(1), numbers(onB, 1), "the join through A was in place when A's call returned");

            viaA.addConnectionToGroupWithResponse("direct", id, null);
            viaA.sendToGroup("direct", "{\"n\":2}", WebPubSubContentType.APPLICATION_JSON);
            viaA.sendToConnection(id, "{\"n\":3}", WebPubSubContentType.APPLICATION_JSON);
            assertEquals(List.of(2, 3), numbers(onB, 2));

            viaA.closeConnectionWithResponse(id, null);
            JsonObject disconnected = onB.nextMatching(m -> "disconnected".equals(m.getString("event", "")));
            assertEquals("system", disconnected.getString("type"));
            onB.awaitClose();
            Eventually.until(
                    "the connection to be gone",
                    Duration.ofSeconds(10),
                    () -> !viaA.connectionExistsWithResponse(id, null).getValue());
        }
    }

    @Test
    @Order(4)
    void aReliableConnectionCannotBeRecoveredOnTheOtherNode() {
        String url = a.hubClient(HUB)
                .getClientAccessToken(new GetClientAccessTokenOptions().setUserId("rel"))
                .getUrl();
        try (WsClient onA = WsClient.reliable(url)) {
            JsonObject connected = connected(onA);
            String recovery = url.replace(
                            ":" + a.baseUri().getPort() + "/", ":" + b.baseUri().getPort() + "/")
                    + "&awps_connection_id=" + connected.getString("connectionId")
                    + "&awps_reconnection_token="
                    + URLEncoder.encode(connected.getString("reconnectionToken"), StandardCharsets.UTF_8);
            try (WsClient onB = WsClient.reliable(recovery)) {
                assertEquals(1008, onB.awaitClose(), "B does not hold the connection: the client starts afresh");
            }
        }
    }

    @Test
    @Order(5)
    void redisAwayFromNodeBIsReportedDeliveryResumesAndALongAbsenceEndsItsConnections() {
        Http probe = Http.anonymous(b.baseUri());
        WebPubSubServiceClient viaA = a.hubClient(HUB);
        assertEquals("UP", probe.get("api/health").json().getString("cluster"));
        try (WsClient onA = WsClient.json(token(a, "amy", "blip"));
                WsClient onB = WsClient.json(token(b, "bill", "blip"))) {
            String amyId = connected(onA).getString("connectionId");
            String billId = connected(onB).getString("connectionId");

            redisForB.cut();
            Http.Reply down = Eventually.until(
                    "B to report that Redis is away",
                    Duration.ofSeconds(15),
                    () -> probe.get("api/health"),
                    r -> "DOWN".equals(r.json().getString("cluster", "")));
            assertEquals(200, down.status(), "B still serves its own clients");
            assertTrue(down.json().getString("problem").startsWith("cluster: "), down::text);
            redisForB.restore();
            Eventually.until(
                    "B to reach Redis again",
                    Duration.ofSeconds(30),
                    () -> "UP".equals(probe.get("api/health").json().getString("cluster")));
            Eventually.until(
                    "B to subscribe its channels again",
                    Duration.ofSeconds(15),
                    () -> viaA.userExistsWithResponse("bill", null).getValue());
            for (int n = 1; n <= 10; n++) {
                onA.send("{\"type\":\"sendToGroup\",\"group\":\"blip\",\"noEcho\":true,\"data\":{\"n\":" + n + "}}");
            }
            assertEquals(oneTo(10), numbers(onB, 10), "delivery from A to B resumed after the blip");

            // Redis lost its data (restarted empty): each node writes its part of the directory again at its next beat
            deletePrefixedKeys();
            Eventually.until(
                    "A and B to know each other's connections again",
                    Duration.ofSeconds(15),
                    () -> viaA.connectionExistsWithResponse(billId, null).getValue()
                            && b.hubClient(HUB)
                                    .connectionExistsWithResponse(amyId, null)
                                    .getValue());

            // away longer than the heartbeat's TTL: A takes B for lost and ends its connections for the app; when B is
            // back it learns so, and ends them too, so that their clients connect afresh
            redisForB.cut();
            Eventually.until(
                    "A to take B for lost and end bill's connection",
                    Duration.ofSeconds(30),
                    () -> !viaA.connectionExistsWithResponse(billId, null).getValue());
            redisForB.restore();
            Eventually.until(
                    "B to end bill's connection once back", Duration.ofSeconds(30), () -> onB.ending() != null);
            assertTrue(onB.ending().contains("cut off"), onB::ending);
            Eventually.until(
                    "B to reach Redis again",
                    Duration.ofSeconds(30),
                    () -> "UP".equals(probe.get("api/health").json().getString("cluster")));
        }
    }

    @Test
    @Order(6)
    void whenNodeAIsKilledNodeBEndsItsConnectionsAndPresenceDropsThem() {
        Http aliceOnA = Http.as(a.baseUri(), "alice");
        String board = aliceOnA.postJson("api/boards", "{\"title\":\"two nodes\"}")
                .json()
                .getString("id");
        Http bobOnB = Http.as(b.baseUri(), "bob");
        try (BoardClient alice = BoardClient.join(aliceOnA, "alice", board);
                BoardClient bob = BoardClient.join(b.baseUri(), "bob", board)) {
            Eventually.until(
                    "presence asked of B to list alice (on A) and bob (on B)",
                    Duration.ofSeconds(10),
                    () -> bobOnB.get("api/boards/" + board + "/presence").text(),
                    people -> people.contains("\"alice\"") && people.contains("\"bob\""));
            String group = alice.negotiated().getJsonArray("groups").getString(0);
            alice.socket()
                    .send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"noEcho\":true,"
                            + "\"dataType\":\"json\",\"data\":{\"type\":\"stroke\",\"id\":\"live\"}}");
            JsonObject stroke = bob.socket().nextMatching(BoardClient::isPeerMessage);
            assertEquals("live", stroke.getJsonObject("data").getString("id"), "a stroke on A reaches bob on B");
            String aliceConnection = alice.connectionId();

            a.kill();

            Eventually.until(
                    "presence asked of B to drop alice, whose node was killed, within 30 s",
                    Duration.ofSeconds(30),
                    () -> bobOnB.get("api/boards/" + board + "/presence").text(),
                    people -> !people.contains("\"alice\"") && people.contains("\"bob\""));
            JsonObject left = bob.socket()
                    .nextMatching(m -> m.containsKey("data")
                            && m.get("data") instanceof JsonObject d
                            && "presence".equals(d.getString("type", ""))
                            && "alice".equals(d.getString("left", "")));
            assertFalse(left.getJsonObject("data").toString().contains("\"user\":\"alice\""), left::toString);
            assertEquals(
                    "[]",
                    bobOnB.get("api/boards/" + board + "/presence").array().stream()
                            .filter(p -> p.asJsonObject().getString("user").equals("alice"))
                            .toList()
                            .toString());
            assertFalse(b.hubClient("whiteboard")
                    .connectionExistsWithResponse(aliceConnection, null)
                    .getValue());
        }
    }
}
