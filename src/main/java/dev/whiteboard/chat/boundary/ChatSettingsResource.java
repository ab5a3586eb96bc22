package dev.whiteboard.chat.boundary;

import dev.whiteboard.chat.control.ChatAccess;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/boards/{board}/chat-settings}: whether viewers may post in the board's chat ({@code
 * {"viewersMayChat":true}}, the default). Anyone on the board reads it; owners change it.
 */
@Path("boards/{board}/chat-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChatSettingsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    ChatAccess access;

    @GET
    public ChatMessages.ChatSettings read(@PathParam("board") String boardId) {
        return new ChatMessages.ChatSettings(access.viewersMayChat(boardId, caller.name()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ChatMessages.ChatSettings change(@PathParam("board") String boardId, ChatMessages.ChatSettings body) {
        if (body == null || body.viewersMayChat() == null) {
            throw new InvalidInputException("viewersMayChat", "a JSON body is required: {\"viewersMayChat\":false}");
        }
        return new ChatMessages.ChatSettings(access.letViewersChat(boardId, caller.name(), body.viewersMayChat()));
    }
}
