package dev.whiteboard.boards.boundary;

import dev.whiteboard.api.BodyLimit;
import dev.whiteboard.api.WholeNumber;
import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.control.BoardStore;
import dev.whiteboard.boards.control.NoBackgroundException;
import dev.whiteboard.boards.control.ShapeChange;
import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardBackground;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.errors.TooLargeException;
import dev.whiteboard.images.ImageType;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /api/boards}: boards, their diagram snapshot, shape writes and background image, for signed-in callers.
 * Validates the HTTP-level input (numbers in the query, body sizes), checks the caller's role on the board
 * ({@link BoardAccess}: viewers read, editors write), delegates to {@link BoardStore}, and shapes the response;
 * failures are mapped by the {@code dev.whiteboard.api} mappers. Changes reach connected clients through
 * {@link BoardBroadcaster}, whichever way they were made.
 */
@Path("boards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BoardsResource {

    private static final long DRAIN_AT_MOST = 4L * Limits.MAX_BACKGROUND_BYTES;

    @Inject
    BoardStore store;

    @Inject
    BoardAccess access;

    @Inject
    CurrentCaller caller;

    @GET
    public List<BoardView> list(
            @QueryParam("offset") @DefaultValue("0") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE)
                    String offset,
            @QueryParam("limit") @DefaultValue("100") @Pattern(regexp = WholeNumber.INT, message = WholeNumber.MESSAGE)
                    String limit) {
        String user = caller.name();
        List<Board> boards = store.list(Integer.parseInt(offset), Integer.parseInt(limit), access.listed(user));
        Map<String, BoardRole> roles = access.roles(boards, user);
        return boards.stream()
                .map(board -> BoardView.of(board, roles.get(board.id())))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewBoard body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON body is required: {\"title\":\"…\"}");
        }
        BoardView board = BoardView.of(store.create(body.title(), caller.name()), BoardRole.OWNER);
        return Response.created(uri.getAbsolutePathBuilder().path(board.id()).build())
                .entity(board)
                .build();
    }

    @GET
    @Path("{board}")
    public BoardView read(@PathParam("board") String boardId) {
        BoardAccess.Allowed allowed = access.require(boardId, caller.name(), BoardRole.VIEWER);
        return BoardView.of(allowed.board(), allowed.role());
    }

    @GET
    @Path("{board}/diagram")
    public DiagramView diagram(@PathParam("board") String boardId) {
        BoardRole role =
                access.require(boardId, caller.name(), BoardRole.VIEWER).role();
        return DiagramView.of(store.diagram(boardId), role);
    }

    @PUT
    @Path("{board}/shapes/{shape}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putShape(@PathParam("board") String boardId, @PathParam("shape") String shapeId, ShapeInput body) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON body describing the shape is required");
        }
        if (body.id() != null && !body.id().equals(shapeId)) {
            throw new InvalidInputException("id", "the id in the body differs from the one in the path");
        }
        String user = editor(boardId);
        ShapeChange change = store.putShape(boardId, shapeId, body.toData(), user);
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
        // An oversized body is read and dropped (up to a bound) before the 413, so the connection stays usable;
        // answering while the client is still sending was seen to break the next request on Payara's Grizzly.
        if (declaredLength(contentLength) > Limits.MAX_BACKGROUND_BYTES + DRAIN_AT_MOST) {
            throw tooLarge();
        }
        byte[] image = readAtMost(body, Limits.MAX_BACKGROUND_BYTES);
        if (image.length == 0) {
            throw new InvalidInputException(null, "the body must be the image");
        }
        store.setBackground(boardId, image, user);
        return BackgroundView.of(store.get(boardId));
    }

    @GET
    @Path("{board}/background")
    @Produces(MediaType.WILDCARD)
    public Response background(
            @PathParam("board") String boardId, @QueryParam("v") String version, @Context Request request) {
        String id =
                access.require(boardId, caller.name(), BoardRole.VIEWER).board().id();
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

    /** The caller, who must be an editor (or owner) of the board. */
    private String editor(String boardId) {
        String user = caller.name();
        access.require(boardId, user, BoardRole.EDITOR);
        return user;
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Content-Length", "Content-Length must be a number");
        }
    }

    /**
     * Reads the body up to the limit. Over it, the rest is read and dropped (up to a bound) before the 413 goes
     * out, so that a client still sending a streamed body sees the answer instead of a stalled upload.
     */
    private static byte[] readAtMost(InputStream body, int limit) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                byte[] sink = new byte[64 * 1024];
                long drained = 0;
                for (int read; drained < DRAIN_AT_MOST && (read = in.read(sink)) > 0; ) {
                    drained += read;
                }
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException(null, "the body could not be read"); // the container's words stay inside
        }
    }

    private static TooLargeException tooLarge() {
        return new TooLargeException("images are limited to " + Limits.MAX_BACKGROUND_BYTES / (1024 * 1024) + " MiB");
    }
}
