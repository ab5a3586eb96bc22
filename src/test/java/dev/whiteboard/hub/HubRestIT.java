package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.rest.RequestOptions;
import com.azure.core.util.BinaryData;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import com.azure.messaging.webpubsub.models.WebPubSubPermission;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.whiteboard.hub.access.AccessKey;
import dev.whiteboard.testing.Http;
import dev.whiteboard.testing.SharedServer;
import dev.whiteboard.testing.TestServer;
import dev.whiteboard.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub's REST API driven by the official Java SDK (and, for the operations that SDK does not expose,
 * by raw HTTP with the same kind of token), observed by real WebSocket clients.
 */
@ExtendWith(SharedServer.class)
class HubRestIT {

    private static final Duration QUIET = Duration.ofMillis(300);

    private WebPubSubServiceClient sdk;
    private String hub;
    private String group;

    @BeforeEach
    void setUp() {
        hub = "rest" + UUID.randomUUID().toString().replace("-", "");
        sdk = SharedServer.hubClient(hub);
        group = "g-" + UUID.randomUUID();
    }

    /** A JSON client of {@code user}; returns it after its connected frame, with the connection id. */
    private Client connect(String user, String... groups) {
        GetClientAccessTokenOptions options = new GetClientAccessTokenOptions().setUserId(user);
        for (String g : groups) {
            options.addGroup(g);
        }
        WsClient client = WsClient.json(sdk.getClientAccessToken(options).getUrl());
        JsonObject connected = client.next();
        client.send("{\"type\":\"ping\"}");
        assertEquals("pong", client.next().getString("type"));
        return new Client(client, connected.getString("connectionId"));
    }

    private record Client(WsClient ws, String id) implements AutoCloseable {
        @Override
        public void close() {
            ws.close();
        }
    }

    @Test
    void sendToAllReachesEveryConnectionOfTheHubButTheExcludedAndFilteredOut() {
        try (Client alice = connect("alice");
                Client bob = connect("bob");
                Client carol = connect("carol")) {
            sdk.sendToAll("hello all", WebPubSubContentType.TEXT_PLAIN);
            for (Client c : List.of(alice, bob, carol)) {
                JsonObject message = c.ws().next();
                assertEquals("server", message.getString("from"));
                assertEquals("text", message.getString("dataType"));
                assertEquals("hello all", message.getString("data"));
            }
            sdk.sendToAllWithResponse(
                    BinaryData.fromString("{\"n\":1}"),
                    new RequestOptions()
                            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
                            .addQueryParam("excluded", alice.id())
                            .addQueryParam("filter", "userId ne 'carol'"));
            assertEquals(1, bob.ws().next().getJsonObject("data").getInt("n"));
            alice.ws().assertNothingWithin(QUIET);
            carol.ws().assertNothingWithin(QUIET);
        }
    }

    @Test
    void sendToGroupUserAndConnection() {
        try (Client alice = connect("alice", group);
                Client bob = connect("bob");
                Client bob2 = connect("bob", group)) {
            sdk.sendToGroup(group, "{\"to\":\"group\"}", WebPubSubContentType.APPLICATION_JSON);
            for (Client c : List.of(alice, bob2)) {
                JsonObject message = c.ws().next();
                assertEquals("group", message.getString("from"));
                assertEquals(group, message.getString("group"));
                assertFalse(message.containsKey("fromUserId"), "REST messages have no sender");
                assertEquals("group", message.getJsonObject("data").getString("to"));
            }
            bob.ws().assertNothingWithin(QUIET);

            sdk.sendToUser("bob", "for bob", WebPubSubContentType.TEXT_PLAIN);
            assertEquals("for bob", bob.ws().next().getString("data"));
            assertEquals("for bob", bob2.ws().next().getString("data"));
            alice.ws().assertNothingWithin(QUIET);

            sdk.sendToConnectionWithResponse(
                    alice.id(),
                    BinaryData.fromBytes(new byte[] {1, 2}),
                    new RequestOptions().setHeader(HttpHeaderName.CONTENT_TYPE, "application/octet-stream"));
            JsonObject binary = alice.ws().next();
            assertEquals("binary", binary.getString("dataType"));
            assertEquals("AQI=", binary.getString("data"));
            sdk.sendToConnection("no-such-connection", "x", WebPubSubContentType.TEXT_PLAIN);
        }
    }

    @Test
    void existenceChecksAnswerTrueAndFalse() {
        try (Client alice = connect("alice", group)) {
            assertTrue(sdk.connectionExistsWithResponse(alice.id(), null).getValue());
            assertFalse(sdk.connectionExistsWithResponse("nope", null).getValue());
            assertTrue(sdk.groupExistsWithResponse(group, null).getValue());
            assertFalse(sdk.groupExistsWithResponse("empty-" + group, null).getValue());
            assertTrue(sdk.userExistsWithResponse("alice", null).getValue());
            assertFalse(sdk.userExistsWithResponse("nobody", null).getValue());
        }
    }

    @Test
    void groupMembershipIsManagedForConnectionsAndUsers() {
        try (Client alice = connect("alice");
                Client bob = connect("bob")) {
            sdk.addConnectionToGroupWithResponse(group, alice.id(), null);
            assertTrue(sdk.groupExistsWithResponse(group, null).getValue());
            HttpResponseException missing = assertThrows(
                    HttpResponseException.class, () -> sdk.addConnectionToGroupWithResponse(group, "nope", null));
            assertEquals(404, missing.getResponse().getStatusCode());

            sdk.addUserToGroupWithResponse(group, "bob", null);
            sdk.sendToGroup(group, "both", WebPubSubContentType.TEXT_PLAIN);
            assertEquals("both", alice.ws().next().getString("data"));
            assertEquals("both", bob.ws().next().getString("data"));

            sdk.removeConnectionFromGroupWithResponse(group, alice.id(), null);
            sdk.removeUserFromGroupWithResponse(group, "bob", null);
            assertFalse(sdk.groupExistsWithResponse(group, null).getValue());

            sdk.addConnectionsToGroups(List.of(group, group + "-2"), "userId eq 'alice'");
            assertTrue(sdk.groupExistsWithResponse(group + "-2", null).getValue());
            sdk.removeConnectionFromAllGroupsWithResponse(alice.id(), null);
            assertFalse(sdk.groupExistsWithResponse(group, null).getValue());
            sdk.addUserToGroupWithResponse(group, "bob", null);
            sdk.removeUserFromAllGroupsWithResponse("bob", null);
            assertFalse(sdk.groupExistsWithResponse(group, null).getValue());
        }
    }

    @Test
    void closingTellsJsonClientsWhyThenCloses() {
        try (Client alice = connect("alice");
                Client bob = connect("bob", group);
                Client carol = connect("carol")) {
            sdk.closeConnectionWithResponse(alice.id(), new RequestOptions().addQueryParam("reason", "maintenance"));
            JsonObject disconnected = alice.ws().next();
            assertEquals("disconnected", disconnected.getString("event"));
            assertEquals("maintenance", disconnected.getString("message"));
            assertEquals(1000, alice.ws().awaitClose());

            sdk.closeGroupConnectionsWithResponse(group, null);
            assertEquals("disconnected", bob.ws().next().getString("event"));
            assertEquals(1000, bob.ws().awaitClose());

            sdk.closeAllConnectionsWithResponse(new RequestOptions().addQueryParam("excluded", carol.id()));
            carol.ws().send("{\"type\":\"ping\"}");
            assertEquals("pong", carol.ws().next().getString("type"));
            sdk.closeUserConnectionsWithResponse("carol", null);
            assertEquals("disconnected", carol.ws().next().getString("event"));
            assertFalse(sdk.userExistsWithResponse("carol", null).getValue());
        }
    }

    @Test
    void permissionsCanBeGrantedCheckedAndRevokedWhileConnected() {
        try (Client alice = connect("alice", group)) {
            RequestOptions target = new RequestOptions().addQueryParam("targetName", group);
            assertFalse(sdk.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, alice.id(), target)
                    .getValue());
            sdk.grantPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, alice.id(), target);
            assertTrue(sdk.checkPermissionWithResponse(
                            WebPubSubPermission.SEND_TO_GROUP,
                            alice.id(),
                            new RequestOptions().addQueryParam("targetName", group))
                    .getValue());
            alice.ws()
                    .send("{\"type\":\"sendToGroup\",\"group\":\"" + group
                            + "\",\"ackId\":1,\"noEcho\":true,\"data\":1}");
            assertTrue(alice.ws().next().getBoolean("success"));
            sdk.revokePermissionWithResponse(
                    WebPubSubPermission.SEND_TO_GROUP,
                    alice.id(),
                    new RequestOptions().addQueryParam("targetName", group));
            alice.ws().send("{\"type\":\"sendToGroup\",\"group\":\"" + group + "\",\"ackId\":2,\"data\":1}");
            assertEquals("Forbidden", alice.ws().next().getJsonObject("error").getString("name"));
        }
    }

    @Test
    void callsWithoutAValidTokenAreRefused() {
        WebPubSubServiceClient stranger = new WebPubSubServiceClientBuilder()
                .connectionString(
                        "Endpoint=" + SharedServer.baseUri().toString().replaceAll("/$", "") + ";AccessKey="
                                + AccessKey.generate().reveal() + ";Version=1.0;")
                .hub(hub)
                .buildClient();
        assertThrows(
                ClientAuthenticationException.class, () -> stranger.sendToAll("x", WebPubSubContentType.TEXT_PLAIN));
        Http http = Http.anonymous(SharedServer.baseUri());
        Http.Reply anonymous = http.send(http.request("api/hubs/" + hub + "/:send?api-version=2024-01-01")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(401, anonymous.status());
    }

    @Test
    void badRequestsGetTheServiceErrorShape() throws Exception {
        HttpResponseException badFilter = assertThrows(
                HttpResponseException.class,
                () -> sdk.sendToAllWithResponse(
                        BinaryData.fromString("x"),
                        new RequestOptions()
                                .setHeader(HttpHeaderName.CONTENT_TYPE, "text/plain")
                                .addQueryParam("filter", "department eq 'sales'")));
        assertEquals(400, badFilter.getResponse().getStatusCode());

        Http http = Http.anonymous(SharedServer.baseUri());
        Http.Reply wrongType = signed(http, "POST", "/:send?api-version=2024-01-01", "application/xml", "<a/>");
        assertEquals(415, wrongType.status());
        assertEquals("UnsupportedMediaType", wrongType.header("x-ms-error-code"));
        Http.Reply badJson = signed(http, "POST", "/:send?api-version=2024-01-01", "application/json", "{oops");
        assertEquals(400, badJson.status());
        assertEquals("BadRequest", badJson.json().getString("code"));
        Http.Reply tooLarge =
                signed(http, "POST", "/:send?api-version=2024-01-01", "text/plain", "x".repeat(1024 * 1024 + 1));
        assertEquals(413, tooLarge.status());
        assertEquals(
                400,
                signed(http, "POST", "/:send", "text/plain", "no api-version").status());
        assertEquals(
                400,
                signed(http, "PUT", "/permissions/dance/connections/c?api-version=2024-01-01", null, null)
                        .status());
    }

    @Test
    void groupMembersAreListedInPagesAndTokensAreIssued() throws Exception {
        List<Client> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                clients.add(connect("user" + i, group));
            }
            Http http = Http.anonymous(SharedServer.baseUri());
            String path = "/groups/" + group + "/connections?api-version=2024-01-01&maxpagesize=2";
            Set<String> listed = new HashSet<>();
            int pages = 0;
            while (path != null) {
                Http.Reply reply = signed(http, "GET", path, null, null);
                assertEquals(200, reply.status(), reply::toString);
                JsonObject page = reply.json();
                page.getJsonArray("value")
                        .forEach(v -> listed.add(v.asJsonObject().getString("connectionId")));
                pages++;
                path = page.containsKey("nextLink")
                        ? page.getString("nextLink")
                                .substring(page.getString("nextLink").indexOf("/groups/"))
                        : null;
            }
            assertEquals(clients.stream().map(Client::id).collect(Collectors.toSet()), listed);
            assertEquals(3, pages);

            JsonObject token = signed(
                            http,
                            "POST",
                            "/:generateToken?api-version=2024-01-01&userId=dora&role="
                                    + "webpubsub.joinLeaveGroup&minutesToExpire=5",
                            null,
                            null)
                    .json();
            String url = SharedServer.baseUri().toString().replaceFirst("^http", "ws") + "client/hubs/" + hub
                    + "?access_token=" + token.getString("token");
            try (WsClient dora = WsClient.json(url)) {
                assertEquals("dora", dora.next().getString("userId"));
            }

            signed(
                    http,
                    "POST",
                    "/:removeFromGroups?api-version=2024-01-01",
                    "application/json",
                    "{\"groups\":[\"" + group + "\"],\"filter\":\"userId in ('user0','user1')\"}");
            JsonObject rest = signed(
                            http, "GET", "/groups/" + group + "/connections?api-version=2024-01-01", null, null)
                    .json();
            assertEquals(3, rest.getJsonArray("value").size());
        } finally {
            clients.forEach(Client::close);
        }
    }

    /** A raw call to this test's hub with a token whose audience is the full URL, as the SDKs sign it. */
    private Http.Reply signed(Http http, String method, String hubPath, String contentType, String body)
            throws Exception {
        String path = "api/hubs/" + hub + hubPath;
        String url = SharedServer.baseUri().resolve(path).toString();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .audience(url)
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        jwt.sign(new MACSigner(AccessKey.of(TestServer.HUB_ACCESS_KEY).secret()));
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + jwt.serialize());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }
}
