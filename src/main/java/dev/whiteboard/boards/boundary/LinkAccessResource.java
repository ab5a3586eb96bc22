package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.CurrentCaller;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code PUT /api/boards/{board}/link} with {@code {"access":"off|view|edit"}}: who may open the board by its link
 * besides its members (owners decide). The link role counts in the one role decision ({@link BoardAccess}), for REST
 * and real-time connections alike; connections already open follow at once. Answers the board.
 */
@Path("boards/{board}/link")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LinkAccessResource {

    @Inject
    BoardAccess access;

    @Inject
    CurrentCaller caller;

    /** The body: {@code {"access":"view"}}. */
    public record LinkAccess(String access) {}

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public BoardView share(@PathParam("board") String boardId, String body) {
        LinkAccess link = body == null || body.isBlank() ? null : WireJson.readFields(body, LinkAccess.class);
        if (link == null || link.access() == null) {
            throw new InvalidInputException(
                    "access", "a JSON body with the link access is required: {\"access\":\"view\"}");
        }
        return BoardView.of(access.shareByLink(boardId, link.access(), caller.name()), BoardRole.OWNER);
    }
}
