package dev.whiteboard.history.boundary;

import dev.whiteboard.history.control.History;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/boards/{board}/diff?from=…&to=…} (viewers): what changed from one point to another, each a version's
 * id or {@code live} (the default for {@code to}), and {@code from=visit} for "since my last visit": shapes added,
 * changed (before and after) and removed (as they were), as the diagram has them.
 */
@Path("boards/{board}/diff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DiffResource {

    @Inject
    History history;

    @Inject
    CurrentCaller caller;

    @GET
    public HistoryViews.DiffView diff(
            @PathParam("board") String boardId, @QueryParam("from") String from, @QueryParam("to") String to) {
        History.Difference diff = history.diff(boardId, from, to, caller.name());
        return new HistoryViews.DiffView(
                HistoryViews.point(diff.from()),
                HistoryViews.point(diff.to()),
                diff.firstVisit(),
                diff.shapes().added().stream().map(HistoryViews::shape).toList(),
                diff.shapes().changed().stream()
                        .map(c -> new HistoryViews.ChangeView(
                                HistoryViews.shape(c.before()), HistoryViews.shape(c.after())))
                        .toList(),
                diff.shapes().removed().stream().map(HistoryViews::shape).toList());
    }
}
