package dev.whiteboard.presence;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/boards/{board}/presence}: who is on the board now (for anyone with a role on it). */
@Path("boards/{board}/presence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    @Inject
    BoardAccess access;

    @Inject
    CurrentCaller caller;

    @Inject
    Presence presence;

    @GET
    public List<Presence.Person> people(@PathParam("board") String boardId) {
        access.require(boardId, caller.name(), BoardRole.VIEWER);
        return presence.people(boardId);
    }
}
