package dev.whiteboard.history.boundary;

import dev.whiteboard.api.WholeNumber;
import dev.whiteboard.boards.control.NoBackgroundException;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.history.boundary.HistoryViews.VersionView;
import dev.whiteboard.history.control.BackgroundHistory;
import dev.whiteboard.history.control.History;
import dev.whiteboard.history.entity.BoardVersion;
import dev.whiteboard.images.ImageType;
import dev.whiteboard.security.CurrentCaller;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/boards/{board}/versions}: a board's versions. Viewers list them ({@code GET}, newest first, paged with
 * {@code limit} and {@code before}, a version's id) and read one's content ({@code GET …/{version}}); editors save the
 * board as it is as a named version ({@code POST {"label":"…","description":"…"}}, 201); owners restore one ({@code
 * POST …/{version}/restore}; editors too when the app allows it) and delete one ({@code DELETE …/{version}}).
 */
@Path("boards/{board}/versions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VersionsResource {

    static final int MAX_LIMIT = 200;

    @Inject
    History history;

    @Inject
    CurrentCaller caller;

    /** The body of a save. */
    public record NewVersion(String label, String description) {}

    @GET
    public HistoryViews.VersionsPage list(
            @PathParam("board") String boardId,
            @QueryParam("limit") @DefaultValue("50") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE)
                    String limit,
            @QueryParam("before") String before) {
        History.Versions page = history.versions(
                boardId, caller.name(), Optional.ofNullable(before).filter(b -> !b.isBlank()), limit(limit));
        var names = history.names(VersionView.users(page.versions()));
        return new HistoryViews.VersionsPage(
                page.versions().stream().map(v -> VersionView.of(v, names)).toList(),
                page.more(),
                page.canSave(),
                page.canRestore(),
                page.canDelete());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("board") String boardId, String body, @Context UriInfo uri) {
        NewVersion version = body == null || body.isBlank() ? null : WireJson.readFields(body, NewVersion.class);
        if (version == null) {
            throw new InvalidInputException(
                    "label", "a JSON body with the version's label is required: {\"label\":\"…\"}");
        }
        BoardVersion saved = history.save(boardId, version.label(), version.description(), caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(saved.id()).build())
                .entity(view(saved))
                .build();
    }

    @GET
    @Path("{version}")
    public HistoryViews.VersionContent read(@PathParam("board") String boardId, @PathParam("version") String id) {
        History.VersionContent content = history.content(boardId, id, caller.name());
        return new HistoryViews.VersionContent(
                view(content.version()),
                content.shapes().stream().map(HistoryViews::shape).toList());
    }

    /**
     * The background image the version was taken with: content-addressed (its {@code v} is the content's ref), so a
     * browser keeps it for good.
     */
    @GET
    @Path("{version}/background")
    @Produces(MediaType.WILDCARD)
    public Response background(@PathParam("board") String boardId, @PathParam("version") String id) {
        BackgroundHistory.StoredImage image = history.backgroundImage(boardId, id, caller.name())
                .orElseThrow(() -> new NoBackgroundException(boardId));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(31_536_000);
        cache.setPrivate(true);
        String extension = ImageType.ofMediaType(image.contentType())
                .map(ImageType::extension)
                .orElse("img");
        return Response.ok(image.content(), image.contentType())
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Disposition",
                        "inline; filename=\"background-" + boardId + "-" + id + "." + extension + "\"")
                .build();
    }

    @POST
    @Path("{version}/restore")
    public HistoryViews.Restored restore(@PathParam("board") String boardId, @PathParam("version") String id) {
        History.Restore restore = history.restore(boardId, id, caller.name());
        return new HistoryViews.Restored(restore.version(), view(restore.checkpoint()));
    }

    @DELETE
    @Path("{version}")
    public Response delete(@PathParam("board") String boardId, @PathParam("version") String id) {
        history.delete(boardId, id, caller.name());
        return Response.noContent().build();
    }

    private VersionView view(BoardVersion version) {
        return VersionView.of(version, history.names(VersionView.users(List.of(version))));
    }

    static int limit(String limit) {
        int n = Integer.parseInt(limit);
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_LIMIT);
        }
        return n;
    }
}
