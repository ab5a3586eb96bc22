package dev.whiteboard.history.boundary;

import dev.whiteboard.api.WholeNumber;
import dev.whiteboard.history.control.History;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/boards/{board}/removed-shapes?limit=50} (viewers): the shapes removed now, newest removal first,
 * each as it last was, with who removed it when; any of them can be recovered ({@link RecoverResource}).
 */
@Path("boards/{board}/removed-shapes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RemovedShapesResource {

    @Inject
    History history;

    @Inject
    CurrentCaller caller;

    @GET
    public HistoryViews.RemovalsView list(
            @PathParam("board") String boardId,
            @QueryParam("limit") @DefaultValue("50") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE)
                    String limit) {
        List<History.Removal> removals = history.removed(boardId, caller.name(), VersionsResource.limit(limit));
        Set<String> users = new HashSet<>();
        removals.forEach(r -> users.add(r.removal().changedBy()));
        Map<String, String> names = history.names(users);
        return new HistoryViews.RemovalsView(removals.stream()
                .map(r -> new HistoryViews.RemovalView(
                        HistoryViews.shape(r.lastLive()),
                        r.removal().changedAt(),
                        r.removal().changedBy(),
                        names.get(r.removal().changedBy())))
                .toList());
    }
}
