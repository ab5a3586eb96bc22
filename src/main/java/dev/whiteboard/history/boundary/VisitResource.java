package dev.whiteboard.history.boundary;

import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.history.control.History;
import dev.whiteboard.security.CurrentCaller;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code PUT /api/boards/{board}/visit} {@code {"version":12}} (viewers): what the caller has seen of the board (the
 * newest is kept), for "changes since my last visit" ({@code diff?from=visit}); 204.
 */
@Path("boards/{board}/visit")
@RequestScoped
public class VisitResource {

    @Inject
    History history;

    @Inject
    CurrentCaller caller;

    /** The body: the board version the page shows. */
    public record Seen(Long version) {}

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response visit(@PathParam("board") String boardId, String body) {
        Seen seen = body == null || body.isBlank() ? null : WireJson.readFields(body, Seen.class);
        if (seen == null || seen.version() == null) {
            throw new InvalidInputException(
                    "version", "a JSON body with the version seen is required: {\"version\":12}");
        }
        history.visit(boardId, seen.version(), caller.name());
        return Response.noContent().build();
    }
}
