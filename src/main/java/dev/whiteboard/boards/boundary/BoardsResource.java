package dev.whiteboard.boards.boundary;

import dev.whiteboard.api.BodyLimit;
import dev.whiteboard.api.WholeNumber;
import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.control.BoardLifecycle;
import dev.whiteboard.boards.control.BoardQuery;
import dev.whiteboard.boards.control.BoardStore;
import dev.whiteboard.boards.control.NoBackgroundException;
import dev.whiteboard.boards.control.ShapeChange;
import dev.whiteboard.boards.entity.BoardBackground;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.images.ImageType;
import dev.whiteboard.security.CurrentCaller;
import dev.whiteboard.security.signin.KnownUsers;
import dev.whiteboard.wire.WireJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code /api/boards}: boards (listed, searched, created, renamed, duplicated, starred, moved to the trash, restored,
 * purged), their diagram snapshot, shape writes and background image, for signed-in callers.
 * Validates the HTTP-level input (numbers in the query, body sizes), checks the caller's role on the board
 * ({@link BoardAccess}: viewers read, editors write), delegates to {@link BoardStore}, and shapes the response;
 * failures are mapped by the {@code dev.whiteboard.api} mappers. Changes reach connected clients through
 * {@link BoardBroadcaster}, whichever way they were made.
 */
@Path("boards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BoardsResource {

    @Inject
    BoardStore store;

    @Inject
    BoardAccess access;

    @Inject
    BoardLifecycle lifecycle;

    @Inject
    CurrentCaller caller;

    @Inject
    KnownUsers knownUsers;

    /**
     * A page of the boards the caller may see: {@code q} searches titles (case-insensitive, anywhere in the title),
     * {@code filter} picks a section ({@code mine}, {@code shared}, {@code starred}, {@code trash}; all by
     * default), {@code sort} the order ({@code created}, newest first, by default; {@code changed}; {@code title}).
     */
    @GET
    public List<BoardView> list(
            @QueryParam("offset") @DefaultValue("0") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE)
                    String offset,
            @QueryParam("limit") @DefaultValue("100") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE)
                    String limit,
            @QueryParam("q") String q,
            @QueryParam("filter") String filter,
            @QueryParam("sort") String sort) {
        BoardQuery query = BoardQuery.parse(q, filter, sort, Integer.parseInt(offset), Integer.parseInt(limit));
        UnaryOperator<String> names = names();
        return lifecycle.list(query, caller.name()).stream()
                .map(b -> BoardView.of(b).named(names))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewBoard body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON body is required: {\"title\":\"…\"}");
        }
        return created(lifecycle.create(body.title(), caller.name()), uri);
    }

    /** One board; its owners also read it while it is in the trash (with {@code deletedAt}). */
    @GET
    @Path("{board}")
    public BoardView read(@PathParam("board") String boardId) {
        return BoardView.of(lifecycle.read(boardId, caller.name())).named(names());
    }

    /** Renames the board (owners): {@code {"title":"…"}}, the rules of a new board's title. */
    @PATCH
    @Path("{board}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BoardView rename(@PathParam("board") String boardId, String body) {
        BoardTitle title = body == null || body.isBlank() ? null : WireJson.readFields(body, BoardTitle.class);
        if (title == null || title.title() == null) {
            throw new InvalidInputException("title", "a JSON body with the new title is required: {\"title\":\"…\"}");
        }
        return BoardView.of(lifecycle.rename(boardId, title.title(), caller.name()))
                .named(names());
    }

    /**
     * A copy of the board (anyone who may view it) with its live shapes and background, owned by the caller and titled
     * "&lt;title&gt; (copy)" unless the optional body gives a title: {@code {"title":"…"}}.
     */
    @POST
    @Path("{board}/duplicate")
    public Response duplicate(@PathParam("board") String boardId, String body, @Context UriInfo uri) {
        Optional<String> title = body == null || body.isBlank()
                ? Optional.empty()
                : Optional.ofNullable(
                        WireJson.readFields(body, BoardTitle.class).title());
        BoardLifecycle.Listed copy = lifecycle.duplicate(boardId, title, caller.name());
        return created(copy, uri.getBaseUriBuilder().path(BoardsResource.class));
    }

    /**
     * Moves the board to the trash (owners; its live connections are closed), or with {@code ?purge=true} deletes a
     * board that is in the trash for good (409 when it is not there).
     */
    @DELETE
    @Path("{board}")
    public Response delete(@PathParam("board") String boardId, @QueryParam("purge") String purge) {
        if (purge == null || purge.equals("false")) {
            lifecycle.trash(boardId, caller.name());
        } else if (purge.equals("true")) {
            lifecycle.purge(boardId, caller.name());
        } else {
            throw new InvalidInputException("purge", "purge is true or false");
        }
        return Response.noContent().build();
    }

    /** Brings the board back from the trash (owners; 409 when it is not there). */
    @POST
    @Path("{board}/restore")
    public BoardView restore(@PathParam("board") String boardId) {
        return BoardView.of(lifecycle.restore(boardId, caller.name())).named(names());
    }

    /** Stars the board for the caller (anyone who may view it; again: nothing changes). */
    @PUT
    @Path("{board}/star")
    public Response star(@PathParam("board") String boardId) {
        lifecycle.star(boardId, caller.name(), true);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{board}/star")
    public Response unstar(@PathParam("board") String boardId) {
        lifecycle.star(boardId, caller.name(), false);
        return Response.noContent().build();
    }

    /** Its owners see the diagram of a board in the trash too; nobody connects to it. */
    @GET
    @Path("{board}/diagram")
    public DiagramView diagram(@PathParam("board") String boardId) {
        BoardRole role = access.requireEvenInTrash(boardId, caller.name(), BoardRole.VIEWER)
                .role();
        return DiagramView.of(store.diagram(boardId), role);
    }

    @PUT
    @Path("{board}/shapes/{shape}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putShape(@PathParam("board") String boardId, @PathParam("shape") String shapeId, String json) {
        ShapeInput body = json == null || json.isBlank() ? null : WireJson.readFields(json, ShapeInput.class);
        if (body == null) {
            throw new InvalidInputException(null, "a JSON body describing the shape is required");
        }
        if (body.id() != null && !body.id().equals(shapeId)) {
            throw new InvalidInputException("id", "the id in the body differs from the one in the path");
        }
        String user = editor(boardId);
        ShapeChange change = store.putShape(
                boardId, shapeId, body.toData(), body.order(), Boolean.TRUE.equals(body.restore()), user);
        return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ShapeView.of(change.shape()))
                .build();
    }

    @DELETE
    @Path("{board}/shapes/{shape}")
    public Response removeShape(@PathParam("board") String boardId, @PathParam("shape") String shapeId) {
        store.removeShape(boardId, shapeId, editor(boardId));
        return Response.noContent().build();
    }

    /** Takes the raw image bytes as the body; the format is judged by the bytes, not by the Content-Type. */
    @PUT
    @Path("{board}/background")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(Limits.MAX_BACKGROUND_BYTES)
    public BackgroundView putBackground(
            @PathParam("board") String boardId, @HeaderParam("Content-Length") String contentLength, InputStream body) {
        String user = editor(boardId);
        byte[] image = ImageUploads.read(body, contentLength, Limits.MAX_BACKGROUND_BYTES);
        store.setBackground(boardId, image, user);
        return BackgroundView.of(store.get(boardId));
    }

    @GET
    @Path("{board}/background")
    @Produces(MediaType.WILDCARD)
    public Response background(
            @PathParam("board") String boardId, @QueryParam("v") String version, @Context Request request) {
        String id = access.requireEvenInTrash(boardId, caller.name(), BoardRole.VIEWER)
                .board()
                .id();
        BoardBackground background = store.background(boardId).orElseThrow(() -> new NoBackgroundException(boardId));
        EntityTag tag = new EntityTag(background.ref());
        CacheControl cache = new CacheControl();
        if (Objects.equals(version, background.ref())) {
            cache.setMaxAge(31_536_000);
            cache.setPrivate(true);
        } else {
            cache.setNoCache(true);
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response =
                notModified != null ? notModified : Response.ok(background.content(), background.contentType());
        // the stored type is the sniffed one (never the uploader's claim); nosniff keeps browsers to it, and the
        // download is named as an image, shown inline, never as a page
        String extension = ImageType.ofMediaType(background.contentType())
                .map(ImageType::extension)
                .orElse("img");
        return response.tag(tag)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"background-" + id + "." + extension + "\"")
                .build();
    }

    @DELETE
    @Path("{board}/background")
    public Response removeBackground(@PathParam("board") String boardId) {
        store.removeBackground(boardId, editor(boardId));
        return Response.noContent().build();
    }

    /** What to call users, each looked up once per request. */
    private UnaryOperator<String> names() {
        Map<String, String> known = new HashMap<>();
        return user -> user == null ? null : known.computeIfAbsent(user, knownUsers::displayName);
    }

    private Response created(BoardLifecycle.Listed board, UriInfo uri) {
        return created(board, uri.getAbsolutePathBuilder());
    }

    private Response created(BoardLifecycle.Listed board, UriBuilder collection) {
        BoardView view = BoardView.of(board).named(names());
        return Response.created(collection.path(view.id()).build()).entity(view).build();
    }

    /** The caller, who must be an editor (or owner) of the board. */
    private String editor(String boardId) {
        String user = caller.name();
        access.require(boardId, user, BoardRole.EDITOR);
        return user;
    }
}
