package dev.whiteboard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.BoardClient;
import dev.whiteboard.testing.BoardReplica;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.ChatClient;
import dev.whiteboard.testing.Eventually;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.TwoNodes;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Two nodes behind the product's nginx gateway for several nodes ({@code server-config/gateway}), as the README's
 * recipe runs them (issue 17, items 3 and 5): everyone reaches the app through the gateway only, which spreads the
 * connections over the nodes; people on different nodes draw together and chat; when node A is killed
 * ({@code kill -9}) while ten clients draw, every change the app acknowledged is in the diagram, A's connections leave
 * presence within 30 s, every client reconnects through the gateway (to B, the node left) and converges on the
 * diagram, and a board page that was on A comes back by itself, without a reload, showing what was drawn meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterGatewayIT {

    @RegisterExtension
    static final TwoNodes nodes = TwoNodes.behindGateway("cluster-gateway");

    private static final List<String> DRAWERS = List.of("alice", "bob", "carol");
    private static final Duration RECONNECT = Duration.ofSeconds(60);

    private static Http through(String user) {
        return Http.via(nodes.gateway().client(), nodes.gateway().baseUri(), user);
    }

    private static String newBoard(String title) {
        return through("alice")
                .postJson("api/boards", "{\"title\":\"" + title + "\"}")
                .json()
                .getString("id");
    }

    private static BoardReplica join(String user, String board) {
        return BoardReplica.join(through(user), nodes.gateway().client(), user, board);
    }

    private static TestServer nodeOf(BoardReplica client) {
        return nodes.nodeOf(client.connection().connectionId()).orElseThrow();
    }

    /** Joins through the gateway until the gateway puts the connection on {@code wanted} (each join: a new token). */
    private static BoardReplica joinOn(TestServer wanted, String user, String board) {
        for (int attempt = 0; attempt < 30; attempt++) {
            BoardReplica client = join(user, board);
            if (nodeOf(client) == wanted) {
                return client;
            }
            client.close();
        }
        throw new AssertionError("the gateway never put a connection of " + user + " on " + wanted.baseUri());
    }

    @Test
    @Order(1)
    void peopleOnDifferentNodesDrawTogetherAndChat() {
        String board = newBoard("two nodes, one gateway");
        try (BoardReplica alice = joinOn(nodes.a(), "alice", board);
                BoardReplica bob = joinOn(nodes.b(), "bob", board)) {
            JsonObject drawn = alice.draw("from-a");
            assertTrue(drawn.getBoolean("ok"), drawn::toString);
            assertAnnounced(bob, "from-a");
            assertTrue(bob.draw("from-b").getBoolean("ok"));
            assertAnnounced(alice, "from-b");

            // a live stroke (peer to peer through the hub) crosses nodes too
            BoardClient onA = alice.connection();
            String group = onA.negotiated().getJsonArray("groups").getString(0);
            onA.socket()
                    .send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"noEcho\":true,"
                            + "\"dataType\":\"json\",\"data\":{\"type\":\"stroke\",\"id\":\"live\"}}");
            assertEquals(
                    "live",
                    bob.connection()
                            .socket()
                            .nextMatching(BoardClient::isPeerMessage)
                            .getJsonObject("data")
                            .getString("id"));

            ChatClient aliceChats = ChatClient.over(alice.connection());
            ChatClient bobChats = ChatClient.over(bob.connection());
            String conversation = "board:" + board;
            assertTrue(aliceChats.send(conversation, "hello from A", "c-a").getBoolean("ok"));
            assertEquals("alice", bobChats.nextMessage("hello from A").getString("from"));
            assertTrue(bobChats.send(conversation, "hello from B", "c-b").getBoolean("ok"));
            assertEquals("bob", aliceChats.nextMessage("hello from B").getString("from"));

            String people =
                    through("carol").get("api/boards/" + board + "/presence").text();
            assertTrue(people.contains("\"alice\"") && people.contains("\"bob\""), people);
        }
    }

    @Test
    @Order(2)
    void aRedisRestartedDuringTrafficCrashesNoNodeAndEveryoneConvergesByResync() {
        String board = newBoard("Redis restarted");
        try (BoardReplica alice = joinOn(nodes.a(), "alice", board);
                BoardReplica bob = joinOn(nodes.b(), "bob", board)) {
            List<String> acknowledged = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                assertTrue(alice.draw("a-before-" + n).getBoolean("ok"));
                assertTrue(bob.draw("b-before-" + n).getBoolean("ok"));
                acknowledged.addAll(List.of("a-before-" + n, "b-before-" + n));
            }

            // Redis killed and started again empty (no persistence), while both go on drawing: each node's own
            // changes are stored and acknowledged all along (the database is the truth); what crosses the nodes
            // in the blip is lost, and said so in the log
            nodes.redis().restart();
            for (int n = 0; n < 5; n++) {
                for (BoardReplica client : List.of(alice, bob)) {
                    String id = client.user() + "-during-" + n;
                    if (drawOrReconnect(client, id)) {
                        acknowledged.add(id);
                    }
                }
            }

            // no node crashed: both answer, and say they reach Redis again
            for (TestServer node : List.of(nodes.a(), nodes.b())) {
                Eventually.until(
                        node.baseUri() + " to reach Redis again",
                        Duration.ofSeconds(60),
                        () -> "UP"
                                .equals(Http.as(node.baseUri(), "alice")
                                        .get("api/health")
                                        .json()
                                        .getString("cluster", "")));
            }
            // delivery across nodes resumes: a change on A reaches B again
            Eventually.until("a change on node A to reach node B again", Duration.ofSeconds(60), () -> {
                String probe = "probe-" + System.nanoTime();
                if (drawOrReconnect(alice, probe)) {
                    acknowledged.add(probe);
                }
                bob.catchUp();
                return bob.shapes().contains(probe);
            });

            // nothing acknowledged is lost, and both copies are the diagram (those that missed a message reloaded)
            JsonObject diagram =
                    through("carol").get("api/boards/" + board + "/diagram").json();
            Set<String> stored = diagram.getJsonArray("shapes").stream()
                    .map(s -> s.asJsonObject().getString("id"))
                    .collect(Collectors.toSet());
            assertTrue(stored.containsAll(acknowledged), "lost: " + difference(Set.copyOf(acknowledged), stored));
            long version = diagram.getJsonNumber("version").longValue();
            for (BoardReplica client : List.of(alice, bob)) {
                Eventually.until(
                        client.user() + " to reach the board's version",
                        Duration.ofSeconds(30),
                        () -> client.catchUp() >= version);
                assertEquals(stored, client.shapes(), "the copy of " + client.user() + " is the diagram");
            }
        }
    }

    /**
     * Draws {@code id}; whether the app acknowledged it. A connection ended meanwhile (a node that took the other for
     * lost while Redis was empty ends its connections) is made afresh, as the page does, and the shape not drawn.
     */
    private static boolean drawOrReconnect(BoardReplica client, String id) {
        try {
            return client.draw(id).getBoolean("ok");
        } catch (RuntimeException | AssertionError gone) {
            client.reconnect(RECONNECT);
            return false;
        }
    }

    @Test
    @Order(3)
    void killingNodeAWhileTenClientsDrawLosesNothingAcknowledgedAndEveryoneConvergesOnB() throws Exception {
        String board = newBoard("node A is killed");

        // a board page on node A, signed in per request (HTTP Basic), so that it needs no session kept by A
        try (Browser dave = Browser.behind(nodes.gateway()).authenticatingAs("dave", Http.DEMO_PASSWORD)) {
            pageOnNodeA(dave, board);

            // ten clients or more, at least three on each node
            List<BoardReplica> clients = new ArrayList<>();
            Map<BoardReplica, TestServer> firstNode = new ConcurrentHashMap<>();
            for (int i = 0;
                    clients.size() < 10 || count(firstNode, nodes.a()) < 3 || count(firstNode, nodes.b()) < 3;
                    i++) {
                assertTrue(i < 40, "the gateway spreads connections over both nodes: " + firstNode.values());
                BoardReplica client = join(DRAWERS.get(i % DRAWERS.size()), board);
                clients.add(client);
                firstNode.put(client, nodeOf(client));
            }
            List<String> connectionsOnA = clients.stream()
                    .filter(c -> firstNode.get(c) == nodes.a())
                    .map(c -> c.connection().connectionId())
                    .toList();

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<BoardReplica, AtomicInteger> drawn = new ConcurrentHashMap<>();
            Map<BoardReplica, AtomicInteger> afterReconnect = new ConcurrentHashMap<>();
            AtomicBoolean drawing = new AtomicBoolean(true);
            List<Thread> drawers = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int c = 0; c < clients.size(); c++) {
                BoardReplica client = clients.get(c);
                drawn.put(client, new AtomicInteger());
                afterReconnect.put(client, new AtomicInteger());
                String prefix = client.user() + "-" + c + "-";
                Thread drawer = new Thread(
                        () -> {
                            for (int n = 0; drawing.get(); n++) {
                                try {
                                    JsonObject result = client.draw(prefix + n);
                                    if (result.getBoolean("ok")) {
                                        acknowledged.add(prefix + n);
                                        drawn.get(client).incrementAndGet();
                                        if (client.connections() > 1) {
                                            afterReconnect.get(client).incrementAndGet();
                                        }
                                    }
                                } catch (RuntimeException | AssertionError gone) {
                                    if (!drawing.get()) {
                                        return;
                                    }
                                    try {
                                        client.reconnect(RECONNECT); // as the page: negotiate afresh, load again
                                    } catch (RuntimeException | AssertionError failed) {
                                        synchronized (failures) {
                                            failures.add(failed);
                                        }
                                        return;
                                    }
                                }
                            }
                        },
                        "drawer-" + c);
                drawer.start();
                drawers.add(drawer);
            }
            Eventually.until(
                    "the clients on both nodes to have drawn",
                    Duration.ofSeconds(120),
                    () -> acknowledged.size() >= 60
                            && clients.stream().allMatch(c -> drawn.get(c).get() >= 2));
            dave.script("window.notReloaded = true;");

            long killed = System.nanoTime();
            nodes.a().kill();

            Eventually.until(
                    "node A's connections to leave presence within 30 s",
                    Duration.ofSeconds(30),
                    () -> nodes.presenceRowsOf(nodes.a()) == 0);
            long presenceGone = System.nanoTime();
            // the hub's directory is cleaned by the node that handles the loss, the presence rows of a dead node also
            // by the presence sweep of any node: the two may part by a few seconds
            Eventually.until(
                    "node B to no longer list node A's connections",
                    Duration.ofSeconds(30),
                    () -> connectionsOnA.stream()
                            .noneMatch(id -> nodes.b()
                                    .hubClient("whiteboard")
                                    .connectionExistsWithResponse(id, null)
                                    .getValue()));
            Eventually.until(
                    "every client of node A to draw again through the gateway",
                    Duration.ofSeconds(120),
                    () -> failures.isEmpty()
                            && clients.stream()
                                    .filter(c -> firstNode.get(c) == nodes.a())
                                    .allMatch(c -> afterReconnect.get(c).get() >= 3));
            long drawingAgain = System.nanoTime();
            drawing.set(false);
            for (Thread drawer : drawers) {
                drawer.join(30_000);
            }
            assertEquals(List.of(), failures, "every client reconnected");
            Set<String> acknowledgedBeforeTheEnd = Set.copyOf(acknowledged);

            JsonObject diagram =
                    through("alice").get("api/boards/" + board + "/diagram").json();
            Set<String> stored = diagram.getJsonArray("shapes").stream()
                    .map(s -> s.asJsonObject().getString("id"))
                    .collect(Collectors.toSet());
            assertTrue(
                    stored.containsAll(acknowledgedBeforeTheEnd),
                    "lost: " + difference(acknowledgedBeforeTheEnd, stored));
            long version = diagram.getJsonNumber("version").longValue();
            assertEquals(stored.size(), version, "one version per stored shape, none half-applied");

            for (BoardReplica client : clients) {
                Eventually.until(
                        client.user() + " to reach the board's version",
                        Duration.ofSeconds(30),
                        () -> client.catchUp() >= version);
                assertEquals(stored, client.shapes(), "the copy of " + client.user() + " is the diagram");
                assertTrue(
                        nodeOf(client) == nodes.b(),
                        "every connection is on B now (" + client.connection().connectionId() + ")");
            }

            // the page that was on A: back by itself, on B, with everything drawn meanwhile, and never reloaded
            dave.await(d -> shapesOnPage(dave) == stored.size() ? true : null);
            assertEquals(version, ((Number) dave.script("return window.whiteboard.state.version;")).longValue());
            assertEquals(Boolean.TRUE, dave.script("return window.notReloaded === true;"), "no reload");
            assertEquals(
                    "online", dave.find(By.id("status")).getAttribute("data-state"), "the page says it is live again");
            assertTrue(nodes.nodeOfUser(board, "dave").orElseThrow() == nodes.b(), "the page is on node B");

            Eventually.until(
                    "presence asked through the gateway to list the people still there",
                    Duration.ofSeconds(30),
                    () -> through("dave")
                            .get("api/boards/" + board + "/presence")
                            .text(),
                    people -> people.contains("\"dave\"")
                            && DRAWERS.stream().allMatch(u -> people.contains('"' + u + '"')));
            clients.forEach(BoardReplica::close);
            System.out.printf(
                    "ClusterGatewayIT: %d clients (%d on A), %d shapes acknowledged; after the kill of A its presence"
                            + " rows were gone in %.1f s, all its clients drew again in %.1f s; %d copies reloaded at"
                            + " a gap%n",
                    clients.size(),
                    connectionsOnA.size(),
                    acknowledgedBeforeTheEnd.size(),
                    (presenceGone - killed) / 1e9,
                    (drawingAgain - killed) / 1e9,
                    clients.stream().mapToInt(BoardReplica::reloads).sum());
        }
    }

    /** Waits for the app's announcement of the shape {@code id} on the client's connection. */
    private static void assertAnnounced(BoardReplica client, String id) {
        client.connection()
                .socket()
                .nextMatching(m -> BoardClient.isServerMessage(m, "shapesChanged")
                        && m.getJsonObject("data").getJsonArray("put").stream()
                                .anyMatch(s -> id.equals(s.asJsonObject().getString("id"))));
    }

    /** Opens the board page until the gateway puts its connection on node A (each page load negotiates afresh). */
    private static void pageOnNodeA(Browser page, String board) {
        for (int attempt = 0; attempt < 20; attempt++) {
            page.open("board.html?id=" + board);
            page.await(d -> "online".equals(d.findElement(By.id("status")).getAttribute("data-state")) ? true : null);
            TestServer node = Eventually.until(
                    "the page's connection to be the only one of dave",
                    Duration.ofSeconds(20),
                    () -> nodes.nodeOfUser(board, "dave").orElse(null),
                    n -> n != null);
            if (node == nodes.a()) {
                return;
            }
            page.open("about:blank");
            Eventually.until(
                    "the page's connection to end",
                    Duration.ofSeconds(20),
                    () -> nodes.nodeOfUser(board, "dave").isEmpty());
        }
        throw new AssertionError("the gateway never put the page's connection on node A");
    }

    private static long shapesOnPage(Browser page) {
        return (Long) page.script("return [...window.whiteboard.state.shapes.keys()].length;");
    }

    private static long count(Map<BoardReplica, TestServer> nodeOf, TestServer node) {
        return nodeOf.values().stream().filter(n -> n == node).count();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
