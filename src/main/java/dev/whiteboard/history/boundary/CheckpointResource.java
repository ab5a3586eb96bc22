package dev.whiteboard.history.boundary;

import dev.whiteboard.history.control.History;
import dev.whiteboard.history.entity.BoardVersion;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code POST /api/boards/{board}/checkpoint} (editors): a checkpoint of the board as it is, taken by the page right
 * before it imports shapes: 200 with the version, or 204 when the latest version already is the board as it is.
 */
@Path("boards/{board}/checkpoint")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointResource {

    @Inject
    History history;

    @Inject
    CurrentCaller caller;

    @POST
    public Response take(@PathParam("board") String boardId) {
        return history.checkpoint(boardId, BoardVersion.Reason.IMPORT, caller.name())
                .map(v -> Response.ok(HistoryViews.VersionView.of(
                                v, history.names(HistoryViews.VersionView.users(List.of(v)))))
                        .build())
                .orElseGet(() -> Response.noContent().build());
    }
}
