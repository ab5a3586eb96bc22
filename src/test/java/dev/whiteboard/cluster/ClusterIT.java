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
import dev.whiteboard.testing.ChatClient;
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
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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
    private static final int HISTORY_CHECK_SECONDS = 2;
    /** A browser's sign-in made on node A, used again on B after A is killed. */
    private static String signedInOnA;

    @BeforeAll
    static void startTwoNodes() throws SQLException {
        database = DatabaseConfig.newPostgreSqlSchema(SCHEMA);
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
                .withEnvironment("WHITEBOARD_CLUSTER_NODE_ID", name + "-" + RUN)
                // the history's check every 2 s, and a checkpoint for any change: without the job's lease each node
                // would take one at each of its checks of a board that keeps changing
                .withEnvironment("WHITEBOARD_HISTORY_CHECK_SECONDS", String.valueOf(HISTORY_CHECK_SECONDS))
                .withEnvironment("WHITEBOARD_HISTORY_CHECKPOINT_EVERY", "PT0.001S");
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
        database.dropSchema();
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
    @Order(10)
    void aChatRateLimitHitHalfOnAAndHalfOnBIsEnforcedOnce() {
        String board = Http.as(a.baseUri(), "alice")
                .postJson("api/boards", "{\"title\":\"chat on two nodes\"}")
                .json()
                .getString("id");
        String conversation = "board:" + board;
        try (ChatClient onA = ChatClient.onBoard(a.baseUri(), "dave", board);
                ChatClient onB = ChatClient.onBoard(b.baseUri(), "dave", board)) {
            for (int i = 1; i <= 10; i++) {
                ChatClient through = i % 2 == 1 ? onA : onB;
                JsonObject sent = through.send(conversation, "hello " + i, "c-" + RUN + "-" + i);
                assertTrue(sent.getBoolean("ok"), sent::toString);
            }
            for (ChatClient through : List.of(onA, onB)) {
                JsonObject refused =
                        through.send(conversation, "one too many", "c-" + RUN + "-x-" + through.hashCode());
                assertFalse(refused.getBoolean("ok"), "ten in ten seconds, counted across both nodes: " + refused);
                assertEquals(429, refused.getJsonObject("error").getInt("status"), refused::toString);
                long retryAfter = refused.getJsonNumber("retryAfterMs").longValue();
                assertTrue(retryAfter > 0 && retryAfter <= 10_000, refused::toString);
            }
        }
        assertEquals(
                10,
                Http.as(b.baseUri(), "alice")
                        .get("api/chat/" + conversation + "/messages")
                        .json()
                        .getJsonArray("messages")
                        .size());
    }

    @Test
    @Order(11)
    void aSignInOnAWorksOnBAndASignOutOnBEndsItOnA() {
        String cookie = signIn(a, "carol", Http.DEMO_PASSWORD);
        assertEquals(200, session(b, cookie).status(), "the sign-in made on A is known to B");
        assertTrue(session(b, cookie).text().contains("\"user\":\"carol\""));
        assertEquals(200, session(a, cookie).status());

        Http.Reply signedOut = send(
                b,
                cookie,
                HttpRequest.newBuilder(b.baseUri().resolve("api/session")).DELETE());
        assertEquals(204, signedOut.status(), signedOut::toString);
        assertTrue(
                signedOut.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("whiteboard_session=;") && c.contains("Max-Age=0")),
                "B tells the browser to forget it: " + signedOut.headers().allValues("Set-Cookie"));
        assertEquals(401, session(a, cookie).status(), "signed out on B: A refuses the cookie too");
        assertEquals(401, session(b, cookie).status());

        signedInOnA = signIn(a, "bob", Http.DEMO_PASSWORD);
    }

    @Test
    @Order(12)
    void anAccountDisabledThroughBIsSignedOutOnA() {
        String name = "erin" + RUN.substring(0, 4);
        Http adminOnB = Http.as(b.baseUri(), "alice");
        Http.Reply created = adminOnB.postJson("api/accounts", "{\"name\":\"" + name + "\",\"displayName\":\"Erin\"}");
        assertEquals(201, created.status(), created::toString);
        String cookie = signIn(a, name, created.json().getString("oneTimePassword"));
        assertEquals(200, session(b, cookie).status());

        Http.Reply disabled = adminOnB.send(adminOnB.request("api/accounts/" + name)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"disabled\":true}")));
        assertEquals(200, disabled.status(), disabled::toString);
        // at once, not after A's cache of account states expires: the sign-in was deleted with the change
        assertEquals(401, session(a, cookie).status(), "disabled through B: A refuses the sign-in");
    }

    @Test
    @Order(13)
    void aPeriodicJobRunsOncePerClusterNotOncePerNode() throws InterruptedException {
        Http aliceOnA = Http.as(a.baseUri(), "alice");
        Http aliceOnB = Http.as(b.baseUri(), "alice");
        long start = System.nanoTime();
        String board = aliceOnA.postJson("api/boards", "{\"title\":\"checkpoints\"}")
                .json()
                .getString("id");
        // the board changes all the time, through both nodes, until the history checks have had many rounds
        long elapsedMillis;
        int automatic;
        int change = 0;
        do {
            Http through = change % 2 == 0 ? aliceOnA : aliceOnB;
            int x = change++;
            Http.Reply put = through.putJson(
                    "api/boards/" + board + "/shapes/s-1",
                    "{\"kind\":\"rectangle\",\"points\":[" + x + ",0," + (x + 50) + ",40]}");
            assertTrue(put.status() == 200 || put.status() == 201, put::toString);
            Thread.sleep(200); // pacing the writer, not waiting for an outcome
            automatic = automaticVersions(aliceOnB, board);
            elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        } while ((elapsedMillis < 14_000 || automatic < 3) && elapsedMillis < 120_000);
        assertTrue(automatic >= 3, "the history's checks ran: " + automatic);
        // one lease per check period, held for nine tenths of it: at most one run every 1.8 s in the whole cluster
        // (two nodes each checking every 2 s would take about one checkpoint a second); a slow machine only makes
        // fewer
        long mostRuns = elapsedMillis / (HISTORY_CHECK_SECONDS * 900L) + 1;
        assertTrue(
                automatic <= mostRuns,
                automatic + " checkpoints in " + elapsedMillis + " ms: more than one check per period ran");
    }

    private static int automaticVersions(Http who, String board) {
        return (int) who.get("api/boards/" + board + "/versions?limit=200").json().getJsonArray("versions").stream()
                .filter(v -> "automatic".equals(v.asJsonObject().getString("kind")))
                .count();
    }

    /** Signs in through the page's form on {@code node}; the token of the sign-in cookie it set. */
    private static String signIn(TestServer node, String user, String password) {
        Http.Reply signedIn = send(
                node,
                null,
                HttpRequest.newBuilder(node.baseUri().resolve("api/session"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "name=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                                        + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        assertEquals(200, signedIn.status(), signedIn::toString);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("whiteboard_session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sign-in cookie: " + signedIn.headers()));
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static Http.Reply session(TestServer node, String cookie) {
        return send(
                node,
                cookie,
                HttpRequest.newBuilder(node.baseUri().resolve("api/session")).GET());
    }

    /** A request as a page sends it ({@code X-Requested-With}), with the cookie given (a browser's, by hand). */
    private static Http.Reply send(TestServer node, String cookie, HttpRequest.Builder request) {
        request.header("X-Requested-With", "fetch").timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return Http.anonymous(node.baseUri()).send(request);
    }

    @Test
    @Order(20)
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

    @Test
    @Order(21)
    void aSignInMadeOnTheKilledNodeStillWorksOnB() {
        Http.Reply who = session(b, signedInOnA);
        assertEquals(200, who.status(), "no new sign-in after node A was killed: " + who);
        assertTrue(who.text().contains("\"user\":\"bob\""), who::text);
    }
}
