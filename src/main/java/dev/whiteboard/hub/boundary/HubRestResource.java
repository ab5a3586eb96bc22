package dev.whiteboard.hub.boundary;

import static dev.whiteboard.runtime.JsonSupport.JSON;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.whiteboard.hub.HubSettings;
import dev.whiteboard.hub.access.Permissions;
import dev.whiteboard.hub.protocol.ClientFrameDecoder;
import dev.whiteboard.hub.protocol.DataType;
import dev.whiteboard.hub.protocol.Payload;
import dev.whiteboard.hub.session.ClientSessions;
import dev.whiteboard.hub.session.ConnectionFilter;
import dev.whiteboard.hub.session.Hub;
import dev.whiteboard.hub.session.HubCluster;
import dev.whiteboard.hub.session.HubConnection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The built-in hub's REST data-plane API, {@code /api/hubs/{hub}/…}, as the official SDKs call it
 * ({@code webpubsub-protocol.md} §6): sends to all, a group, a user or a connection; group membership; closing
 * connections; existence checks; permissions; client tokens. Every api-version is accepted and none changes
 * the behaviour. Authentication is {@link HubRestAuthentication}'s.
 */
@Path("hubs/{hub}")
@HubRestApi
@RequestScoped
public class HubRestResource {

    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Pattern HUB_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}");

    @Inject
    Hub hubs;

    @Inject
    HubSettings settings;

    @Inject
    ClientSessions sessions;

    @Inject
    HubCluster cluster;

    @PathParam("hub")
    String hub;

    @QueryParam("api-version")
    String apiVersion;

    // --- sending ---

    @POST
    @Path(":send")
    @Consumes(MediaType.WILDCARD)
    public Response sendToAll(
            @QueryParam("excluded") List<String> excluded,
            @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") String ttl,
            @HeaderParam("Content-Type") String type,
            InputStream body) {
        matching(filter);
        Payload payload = payload(type, body, ttl);
        hubs.sendToAll(hub(), payload, excluded, filter);
        return Response.accepted().build();
    }

    @POST
    @Path("groups/{group}/:send")
    @Consumes(MediaType.WILDCARD)
    public Response sendToGroup(
            @PathParam("group") String group,
            @QueryParam("excluded") List<String> excluded,
            @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") String ttl,
            @HeaderParam("Content-Type") String type,
            InputStream body) {
        matching(filter);
        Payload payload = payload(type, body, ttl);
        hubs.sendToGroup(hub(), group(group), payload, Optional.empty(), false, excluded, filter);
        return Response.accepted().build();
    }

    @POST
    @Path("users/{user}/:send")
    @Consumes(MediaType.WILDCARD)
    public Response sendToUser(
            @PathParam("user") String user,
            @QueryParam("filter") String filter,
            @QueryParam("messageTtlSeconds") String ttl,
            @HeaderParam("Content-Type") String type,
            InputStream body) {
        matching(filter);
        Payload payload = payload(type, body, ttl);
        hubs.sendToUser(hub(), user, payload, filter);
        return Response.accepted().build();
    }

    @POST
    @Path("connections/{connection}/:send")
    @Consumes(MediaType.WILDCARD)
    public Response sendToConnection(
            @PathParam("connection") String connectionId,
            @QueryParam("messageTtlSeconds") String ttl,
            @HeaderParam("Content-Type") String type,
            InputStream body) {
        Payload payload = payload(type, body, ttl);
        hubs.sendToConnection(hub(), connectionId, payload);
        return Response.accepted().build();
    }

    // --- existence ---

    @HEAD
    @Path("connections/{connection}")
    public Response connectionExists(@PathParam("connection") String connectionId) {
        return exists(
                hubs.connection(hub(), connectionId).isPresent() || cluster.connectionExists(hub(), connectionId));
    }

    @HEAD
    @Path("groups/{group}")
    public Response groupExists(@PathParam("group") String group) {
        return exists(hubs.groupExists(hub(), group(group)) || cluster.groupExists(hub(), group));
    }

    @HEAD
    @Path("users/{user}")
    public Response userExists(@PathParam("user") String user) {
        return exists(!hubs.connectionsOfUser(hub(), user).isEmpty() || cluster.userExists(hub(), user));
    }

    // --- closing ---

    @DELETE
    @Path("connections/{connection}")
    public Response closeConnection(@PathParam("connection") String connectionId, @QueryParam("reason") String reason) {
        Optional<HubConnection> here = hubs.connection(hub(), connectionId);
        here.ifPresent(c -> close(c, reason));
        if (here.isEmpty()) {
            cluster.close("CONNECTION", hub(), connectionId, List.of(), closeReason(reason));
        }
        return Response.noContent().build();
    }

    @POST
    @Path(":closeConnections")
    public Response closeAll(@QueryParam("excluded") List<String> excluded, @QueryParam("reason") String reason) {
        hubs.connectionsOfHub(hub()).stream()
                .filter(c -> !excluded.contains(c.id()))
                .forEach(c -> close(c, reason));
        cluster.close("ALL", hub(), null, excluded, closeReason(reason));
        return Response.noContent().build();
    }

    @POST
    @Path("groups/{group}/:closeConnections")
    public Response closeGroup(
            @PathParam("group") String group,
            @QueryParam("excluded") List<String> excluded,
            @QueryParam("reason") String reason) {
        hubs.connectionsInGroup(hub(), group(group)).stream()
                .filter(c -> !excluded.contains(c.id()))
                .forEach(c -> close(c, reason));
        cluster.close("GROUP", hub(), group, excluded, closeReason(reason));
        return Response.noContent().build();
    }

    @POST
    @Path("users/{user}/:closeConnections")
    public Response closeUser(
            @PathParam("user") String user,
            @QueryParam("excluded") List<String> excluded,
            @QueryParam("reason") String reason) {
        hubs.connectionsOfUser(hub(), user).stream()
                .filter(c -> !excluded.contains(c.id()))
                .forEach(c -> close(c, reason));
        cluster.close("USER", hub(), user, excluded, closeReason(reason));
        return Response.noContent().build();
    }

    // --- groups ---

    @PUT
    @Path("groups/{group}/connections/{connection}")
    public Response addConnectionToGroup(
            @PathParam("group") String group, @PathParam("connection") String connectionId) {
        String name = group(group);
        Optional<HubConnection> here = hubs.connection(hub(), connectionId);
        if (here.isPresent()) {
            hubs.join(here.get(), name);
        } else if (cluster.join("JOIN_CONNECTION", hub(), connectionId, List.of(name), null) == 0) {
            throw HubRestErrors.notFound("connection '" + connectionId + "' does not exist");
        }
        return Response.ok().build();
    }

    @DELETE
    @Path("groups/{group}/connections/{connection}")
    public Response removeConnectionFromGroup(
            @PathParam("group") String group, @PathParam("connection") String connectionId) {
        String name = group(group);
        Optional<HubConnection> here = hubs.connection(hub(), connectionId);
        here.ifPresent(c -> hubs.leave(c, name));
        if (here.isEmpty()) {
            cluster.leave("LEAVE_CONNECTION", hub(), connectionId, List.of(name), null);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("connections/{connection}/groups")
    public Response removeConnectionFromAllGroups(@PathParam("connection") String connectionId) {
        Optional<HubConnection> here = hubs.connection(hub(), connectionId);
        here.ifPresent(this::leaveAll);
        if (here.isEmpty()) {
            cluster.leave("LEAVE_ALL_CONNECTION", hub(), connectionId, List.of(), null);
        }
        return Response.noContent().build();
    }

    /** Adds every current connection of the user; 404 when the user has none (as the emulator does). */
    @PUT
    @Path("users/{user}/groups/{group}")
    public Response addUserToGroup(@PathParam("user") String user, @PathParam("group") String group) {
        String name = group(group);
        Set<HubConnection> connections = hubs.connectionsOfUser(hub(), user);
        connections.forEach(c -> hubs.join(c, name));
        int elsewhere = cluster.join("JOIN_USER", hub(), user, List.of(name), null);
        if (connections.isEmpty() && elsewhere == 0) {
            throw HubRestErrors.notFound("user '" + user + "' has no connection");
        }
        return Response.ok().build();
    }

    @DELETE
    @Path("users/{user}/groups/{group}")
    public Response removeUserFromGroup(@PathParam("user") String user, @PathParam("group") String group) {
        String name = group(group);
        hubs.connectionsOfUser(hub(), user).forEach(c -> hubs.leave(c, name));
        cluster.leave("LEAVE_USER", hub(), user, List.of(name), null);
        return Response.noContent().build();
    }

    @DELETE
    @Path("users/{user}/groups")
    public Response removeUserFromAllGroups(@PathParam("user") String user) {
        hubs.connectionsOfUser(hub(), user).forEach(this::leaveAll);
        cluster.leave("LEAVE_ALL_USER", hub(), user, List.of(), null);
        return Response.noContent().build();
    }

    @POST
    @Path(":addToGroups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addToGroups(String body) {
        GroupsRequest request = groupsRequest(body);
        hubs.connectionsOfHub(hub()).stream()
                .filter(request.filter())
                .forEach(c -> request.groups().forEach(g -> hubs.join(c, g)));
        cluster.join("JOIN_FILTERED", hub(), null, request.groups(), request.text());
        return Response.ok().build();
    }

    @POST
    @Path(":removeFromGroups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response removeFromGroups(String body) {
        GroupsRequest request = groupsRequest(body);
        hubs.connectionsOfHub(hub()).stream()
                .filter(request.filter())
                .forEach(c -> request.groups().forEach(g -> hubs.leave(c, g)));
        cluster.leave("LEAVE_FILTERED", hub(), null, request.groups(), request.text());
        return Response.ok().build();
    }

    /** Members of a group, in pages: {@code {"value":[{"connectionId","userId"}],"nextLink":"…"}}. */
    @GET
    @Path("groups/{group}/connections")
    @Produces(MediaType.APPLICATION_JSON)
    public Response listConnectionsInGroup(
            @PathParam("group") String group,
            @QueryParam("maxpagesize") String pageSize,
            @QueryParam("top") String top,
            @QueryParam("continuationToken") String continuation,
            @Context UriInfo uri) {
        int size = bounded("maxpagesize", pageSize, 200, 1, 200);
        int limit = bounded("top", top, Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        String after = continuation == null ? "" : continuation;
        // members here and on the other nodes, as "connectionId" or "connectionId\nuserId"
        List<String> everywhere = new ArrayList<>(cluster.members(hub(), group(group)));
        hubs.connectionsInGroup(hub(), group(group))
                .forEach(c ->
                        everywhere.add(c.id() + c.userId().map(u -> "\n" + u).orElse("")));
        List<String> remaining = everywhere.stream()
                .filter(c -> memberId(c).compareTo(after) > 0)
                .sorted(Comparator.comparing(HubRestResource::memberId))
                .toList();
        List<String> members = remaining.subList(0, Math.min(remaining.size(), Math.min(size, limit)));
        JsonArrayBuilder value = JSON.createArrayBuilder();
        members.forEach(c -> {
            int split = c.indexOf('\n');
            var entry = JSON.createObjectBuilder().add("connectionId", memberId(c));
            if (split >= 0) {
                entry.add("userId", c.substring(split + 1));
            }
            value.add(entry);
        });
        var page = JSON.createObjectBuilder().add("value", value);
        if (remaining.size() > members.size() && limit > size) {
            var next = uri.getRequestUriBuilder()
                    .replaceQueryParam("continuationToken", memberId(members.get(members.size() - 1)));
            if (limit == Integer.MAX_VALUE) {
                next.replaceQueryParam("top");
            } else {
                next.replaceQueryParam("top", limit - size);
            }
            page.add("nextLink", next.build().toString());
        }
        return Response.ok(page.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    // --- permissions ---

    @PUT
    @Path("permissions/{permission}/connections/{connection}")
    public Response grantPermission(
            @PathParam("permission") String permission,
            @PathParam("connection") String connectionId,
            @QueryParam("targetName") String target) {
        Permissions.Action action = action(permission);
        Optional<HubConnection> here = hubs.connection(hub(), connectionId);
        if (here.isPresent()) {
            here.get().permissions().grant(action, target);
        } else if (!cluster.permission(true, hub(), connectionId, action, target)) {
            throw HubRestErrors.notFound("connection '" + connectionId + "' does not exist");
        }
        return Response.ok().build();
    }

    @DELETE
    @Path("permissions/{permission}/connections/{connection}")
    public Response revokePermission(
            @PathParam("permission") String permission,
            @PathParam("connection") String connectionId,
            @QueryParam("targetName") String target) {
        Permissions.Action action = action(permission);
        Optional<HubConnection> here = hubs.connection(hub(), connectionId);
        here.ifPresent(c -> c.permissions().revoke(action, target));
        if (here.isEmpty()) {
            cluster.permission(false, hub(), connectionId, action, target);
        }
        return Response.noContent().build();
    }

    @HEAD
    @Path("permissions/{permission}/connections/{connection}")
    public Response checkPermission(
            @PathParam("permission") String permission,
            @PathParam("connection") String connectionId,
            @QueryParam("targetName") String target) {
        Permissions.Action action = action(permission);
        Optional<HubConnection> here = hubs.connection(hub(), connectionId);
        return exists(
                here.isPresent()
                        ? HubCluster.permits(here.get(), action, target)
                        : cluster.permits(hub(), connectionId, action, target));
    }

    // --- tokens ---

    @POST
    @Path(":generateToken")
    @Produces(MediaType.APPLICATION_JSON)
    public Response generateToken(
            @QueryParam("userId") String userId,
            @QueryParam("role") List<String> roles,
            @QueryParam("group") List<String> groups,
            @QueryParam("minutesToExpire") String minutes,
            @QueryParam("clientType") String clientType,
            @Context UriInfo uri) {
        if (clientType != null && !clientType.equalsIgnoreCase("default")) {
            throw HubRestErrors.badRequest("clientType " + clientType + " is not supported by the built-in hub");
        }
        int lifetime = bounded("minutesToExpire", minutes, 60, 1, 60 * 24 * 365);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .audience(uri.getBaseUri().resolve("../client/hubs/" + hub()).toString())
                .expirationTime(Date.from(Instant.now().plusSeconds(lifetime * 60L)));
        if (userId != null && !userId.isEmpty()) {
            claims.subject(userId);
        }
        if (!roles.isEmpty()) {
            claims.claim("role", roles);
        }
        if (!groups.isEmpty()) {
            claims.claim("webpubsub.group", groups);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(settings.keys().get(0).secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the access key", e);
        }
        return Response.ok(
                        JSON.createObjectBuilder()
                                .add("token", jwt.serialize())
                                .build()
                                .toString(),
                        MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    // --- helpers ---

    private String hub() {
        if (!HUB_NAME.matcher(hub).matches()) {
            throw HubRestErrors.badRequest("invalid hub name '" + hub + "'");
        }
        if (apiVersion == null || apiVersion.isBlank()) {
            throw HubRestErrors.badRequest("the api-version query parameter is required");
        }
        return HubSettings.normalise(hub);
    }

    private static String group(String group) {
        if (!ClientFrameDecoder.isValidGroup(group)) {
            throw HubRestErrors.badRequest("group names are 1 to " + ClientFrameDecoder.MAX_GROUP_LENGTH
                    + " characters, not only white space");
        }
        return group;
    }

    private static Response exists(boolean exists) {
        return Response.status(exists ? 200 : 404).build();
    }

    private void close(HubConnection connection, String reason) {
        sessions.closeByServer(connection, closeReason(reason));
    }

    private static String closeReason(String reason) {
        return reason == null ? "closed by the server" : reason;
    }

    /** The connection id of a member entry ({@code connectionId} or {@code connectionId\nuserId}). */
    private static String memberId(String member) {
        int split = member.indexOf('\n');
        return split < 0 ? member : member.substring(0, split);
    }

    private void leaveAll(HubConnection connection) {
        List.copyOf(connection.groups()).forEach(g -> hubs.leave(connection, g));
    }

    private static Predicate<HubConnection> matching(String filter) {
        try {
            return ConnectionFilter.parse(filter);
        } catch (IllegalArgumentException e) {
            throw HubRestErrors.badRequest(e.getMessage());
        }
    }

    private static Permissions.Action action(String permission) {
        for (Permissions.Action action : Permissions.Action.values()) {
            if (action.permissionName().equals(permission)) {
                return action;
            }
        }
        throw HubRestErrors.badRequest("permission must be sendToGroup or joinLeaveGroup");
    }

    private static int bounded(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw HubRestErrors.badRequest(name + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw HubRestErrors.badRequest(name + " must be a whole number");
        }
    }

    /** The body as a payload, typed by its content type; at most 1 MB. TTLs are checked, not applied. */
    private static Payload payload(String contentType, InputStream body, String ttl) {
        bounded("messageTtlSeconds", ttl, 0, 0, 300);
        byte[] bytes;
        try (InputStream in = body) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw HubRestErrors.badRequest("the body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new WebApplicationException(
                    HubRestErrors.response(413, "PayloadTooLarge", "messages are limited to 1 MB"));
        }
        DataType type = DataType.fromContentType(contentType)
                .orElseThrow(() -> new WebApplicationException(HubRestErrors.response(
                        415, "UnsupportedMediaType", "send application/json, text/plain or application/octet-stream")));
        try {
            return Payload.of(type, bytes);
        } catch (IllegalArgumentException e) {
            throw HubRestErrors.badRequest("the body is not valid JSON");
        }
    }

    private record GroupsRequest(List<String> groups, Predicate<HubConnection> filter, String text) {}

    private static GroupsRequest groupsRequest(String body) {
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw HubRestErrors.badRequest("the body must be {\"groups\":[…],\"filter\":\"…\"}");
        }
        if (!(json.get("groups") instanceof JsonArray array)
                || array.isEmpty()
                || !array.stream()
                        .allMatch(v -> v instanceof JsonString s && ClientFrameDecoder.isValidGroup(s.getString()))) {
            throw HubRestErrors.badRequest("groups must be a non-empty array of group names");
        }
        List<String> groups =
                array.stream().map(v -> ((JsonString) v).getString()).toList();
        String filter = json.get("filter") instanceof JsonString f ? f.getString() : null;
        return new GroupsRequest(groups, matching(filter), filter);
    }
}
