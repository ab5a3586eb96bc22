package dev.whiteboard.negotiate;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.realtime.RealtimeService;
import dev.whiteboard.realtime.RealtimeSettings;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code GET /api/negotiate?board=<id>}: the client access URL for the board's real-time channel
 * ({@code GET /api/negotiate?lobby=true}: for a connection on no board, the boards list's). The URL names
 * the board ({@code board=<id>}), which the webhook's {@code connect} checks again. With the built-in hub, the URL
 * points at the host and port the caller used to reach this app, so it works through a gateway and from other
 * machines; with Azure it is the service's own.
 */
@Path("negotiate")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NegotiateResource {

    @Inject
    CurrentCaller caller;

    @Inject
    BoardAccess access;

    @Inject
    RealtimeService realtime;

    @Inject
    RealtimeSettings settings;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    /**
     * {@code {"url":"ws://…/client/hubs/whiteboard?access_token=…&board=k3m9x2p7qa","hub":"whiteboard",
     * "userId":"alice","board":"k3m9x2p7qa","role":"editor","groups":["board.k3m9x2p7qa"],
     * "permissions":["webpubsub.joinLeaveGroup.board.k3m9x2p7qa","webpubsub.sendToGroup.board.k3m9x2p7qa"],
     * "expiresAt":"…"}}.
     */
    public record Negotiated(
            String url,
            String hub,
            String userId,
            String board,
            String role,
            List<String> groups,
            List<String> permissions,
            OffsetDateTime expiresAt) {}

    @GET
    public Response negotiate(@QueryParam("board") String boardId, @QueryParam("lobby") String lobby) {
        if (boardId == null || boardId.isBlank()) {
            if ("true".equals(lobby)) {
                // a connection on no board (the boards list page): it hears direct messages (sent to the user) and
                // the rooms the user is in (their groups are added when it connects)
                return negotiated(caller.name(), null, null, List.of(), "lobby", "true");
            }
            throw new InvalidInputException(
                    "board",
                    "name the board: negotiate?board=<id> (or negotiate?lobby=true" + " for a connection on no board)");
        }
        String user = caller.name();
        BoardRole role = access.require(boardId, user, BoardRole.VIEWER).role();
        return negotiated(user, boardId, role, BoardGroup.webPubSubRoles(boardId, role), "board", boardId);
    }

    /**
     * The one answer: the client access URL for {@code user} with {@code permissions}, naming the board (or the
     * lobby) in its query ({@code name=value}), never stored by caches (it carries a token).
     */
    private Response negotiated(
            String user, String boardId, BoardRole role, List<String> permissions, String name, String value) {
        OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(realtime.tokenLifetime());
        RealtimeService.ClientAccess client = realtime.clientAccess(user, permissions);
        URI url = UriBuilder.fromUri(reachable(client.url()))
                .queryParam(name, value)
                .build();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new Negotiated(
                        url.toString(),
                        client.hub(),
                        user,
                        boardId,
                        role == null ? null : role.wireName(),
                        boardId == null ? List.of() : List.of(BoardGroup.of(boardId)),
                        permissions,
                        expiresAt))
                .cacheControl(noStore)
                .build();
    }

    /**
     * The URL browsers use: behind a gateway, the gateway's ({@code whiteboard.public-url} or
     * {@code whiteboard.webpubsub.client-endpoint}); with the built-in hub and no gateway configured, the host, port
     * and context path the caller used to reach this app; with Azure, the service's own.
     */
    private URI reachable(URI url) {
        URI appBase = UriBuilder.fromUri(uri.getBaseUri())
                .replacePath(request.getContextPath() + "/")
                .build();
        return settings.clientUrl(url, appBase);
    }
}
