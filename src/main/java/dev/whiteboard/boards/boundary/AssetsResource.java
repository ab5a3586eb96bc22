package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.AssetStore;
import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.entity.BoardAsset;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.images.ImageType;
import dev.whiteboard.images.MalformedImageException;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Locale;

/**
 * {@code /api/boards/{id}/assets}: the images image shapes show. An editor uploads the bytes (201 with the new asset,
 * or 200 when the board has those bytes already: the id comes from the content); anyone who may view the board reads
 * them. A download's type is the one sniffed from the bytes at upload, kept to by {@code nosniff}; its content never
 * changes under its id, so it is cached for a year ({@code immutable}), privately: boards may be private.
 */
@Path("boards/{board}/assets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssetsResource {

    private static final String CACHE_FOR_A_YEAR = "private, max-age=31536000, immutable";

    @Inject
    AssetStore assets;

    @Inject
    BoardAccess access;

    @Inject
    CurrentCaller caller;

    /** Takes the raw image bytes; the format is judged by the bytes, and SVG is refused whatever it claims to be. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(
            @PathParam("board") String boardId,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") String contentLength,
            InputStream body,
            @Context UriInfo uri) {
        String user = caller.name();
        access.require(boardId, user, BoardRole.EDITOR); // a viewer is told so before sending megabytes for nothing
        byte[] image = ImageUploads.read(body, contentLength, assets.maxBytes());
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/svg")) {
            throw new MalformedImageException("SVG is not accepted (it can carry script): PNG, JPEG, GIF or WebP");
        }
        AssetStore.Uploaded uploaded = assets.upload(boardId, image, user);
        AssetView view = AssetView.of(uploaded.asset());
        return uploaded.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    @GET
    @Path("{asset}")
    @Produces(MediaType.WILDCARD)
    public Response read(
            @PathParam("board") String boardId, @PathParam("asset") String assetId, @Context Request request) {
        BoardAsset asset = assets.read(boardId, assetId, caller.name());
        EntityTag tag = new EntityTag(asset.assetId());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response =
                notModified != null ? notModified : Response.ok(asset.content(), asset.contentType());
        String extension = ImageType.ofMediaType(asset.contentType())
                .map(ImageType::extension)
                .orElse("img");
        return response.tag(tag)
                .header("Cache-Control", CACHE_FOR_A_YEAR)
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Disposition",
                        "inline; filename=\"image-" + asset.assetId().substring(0, 12) + "." + extension + "\"")
                .build();
    }
}
