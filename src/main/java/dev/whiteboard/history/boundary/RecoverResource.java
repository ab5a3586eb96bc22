package dev.whiteboard.history.boundary;

import dev.whiteboard.boards.boundary.ShapeView;
import dev.whiteboard.history.control.History;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/boards/{board}/shapes/{shape}/recover} (editors): brings one removed shape back as it last was,
 * changing nothing else (200 with the board's version and the shape; 409 when it is on the board; 404 when no earlier
 * state of it is kept). Everyone on the board sees it come back as any other change.
 */
@Path("boards/{board}/shapes/{shape}/recover")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecoverResource {

    @Inject
    History history;

    @Inject
    CurrentCaller caller;

    @POST
    public HistoryViews.RecoveredView recover(@PathParam("board") String boardId, @PathParam("shape") String shapeId) {
        History.Recovered recovered = history.recover(boardId, shapeId, caller.name());
        return new HistoryViews.RecoveredView(recovered.version(), ShapeView.of(recovered.shape()));
    }
}
