package dev.whiteboard.chat.boundary;

import dev.whiteboard.api.WholeNumber;
import dev.whiteboard.chat.control.ChatStore;
import dev.whiteboard.chat.entity.Conversation;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/chat}: a conversation's history ({@code GET {conversation}/messages?before=<id>&limit=<n>}, newest
 * first), read markers ({@code POST {conversation}/read}) and unread counts ({@code GET unread}), for the caller
 * only. Messages are sent on the real-time channel ({@code chatSend}), not here.
 */
@Path("chat")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    @Inject
    CurrentCaller caller;

    @Inject
    ChatStore store;

    @GET
    @Path("{conversation}/messages")
    public ChatMessages.HistoryPage history(
            @PathParam("conversation") String conversation,
            @QueryParam("before") @Pattern(regexp = WholeNumber.LONG, message = WholeNumber.MESSAGE) String before,
            @QueryParam("limit") @Pattern(regexp = WholeNumber.LONG, message = WholeNumber.MESSAGE) String limit) {
        ChatStore.Page page = store.history(caller.name(), conversation, number(before), number(limit));
        return new ChatMessages.HistoryPage(
                page.conversation(),
                page.messages().stream().map(ChatMessages.MessageView::of).toList(),
                page.more());
    }

    @POST
    @Path("{conversation}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChatMessages.ReadMarker read(@PathParam("conversation") String conversation, ChatMessages.ReadMarker body) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON body is required: {\"lastReadId\":42}");
        }
        long marker = store.read(caller.name(), conversation, body.lastReadId());
        return new ChatMessages.ReadMarker(Conversation.parse(conversation).key(), marker);
    }

    @GET
    @Path("unread")
    public ChatMessages.UnreadCounts unread() {
        Map<String, Long> counts = store.unread(caller.name());
        List<ChatMessages.Unread> each = counts.entrySet().stream()
                .map(e -> new ChatMessages.Unread(e.getKey(), e.getValue()))
                .toList();
        return new ChatMessages.UnreadCounts(
                counts.values().stream().mapToLong(Long::longValue).sum(), each);
    }

    /** An optional parameter, already checked against {@link WholeNumber#LONG}. */
    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value);
    }
}
