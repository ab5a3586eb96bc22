package dev.whiteboard.chat.boundary;

import dev.whiteboard.api.WholeNumber;
import dev.whiteboard.chat.control.ChatRooms;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /api/chat/rooms}: list ({@code GET}), create ({@code POST {"name":"…"}}), join and leave
 * ({@code PUT}/{@code DELETE rooms/{id}/members/me}), delete ({@code DELETE rooms/{id}}, the owner only: 403 for
 * anyone else, decided by {@link ChatRooms}).
 */
@Path("chat/rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    ChatRooms rooms;

    @GET
    public List<ChatMessages.RoomView> list() {
        return rooms.list(caller.name()).stream().map(ChatMessages.RoomView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ChatMessages.NewRoom body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON body is required: {\"name\":\"…\"}");
        }
        ChatMessages.RoomView room = ChatMessages.RoomView.of(rooms.create(caller.name(), body.name()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(room.id()))
                        .build())
                .entity(room)
                .build();
    }

    @PUT
    @Path("{room}/members/me")
    public ChatMessages.RoomView join(
            @PathParam("room") @Pattern(regexp = WholeNumber.LONG, message = WholeNumber.MESSAGE) String room) {
        return ChatMessages.RoomView.of(rooms.join(caller.name(), id(room)));
    }

    @DELETE
    @Path("{room}/members/me")
    public Response leave(
            @PathParam("room") @Pattern(regexp = WholeNumber.LONG, message = WholeNumber.MESSAGE) String room) {
        rooms.leave(caller.name(), id(room));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{room}")
    public Response delete(
            @PathParam("room") @Pattern(regexp = WholeNumber.LONG, message = WholeNumber.MESSAGE) String room) {
        rooms.delete(caller.name(), id(room));
        return Response.noContent().build();
    }

    /** The room's id, already checked against {@link WholeNumber#LONG}. */
    private static long id(String room) {
        return Long.parseLong(room);
    }
}
