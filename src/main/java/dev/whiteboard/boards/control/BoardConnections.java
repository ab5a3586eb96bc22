package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.events.ConnectPolicy;
import dev.whiteboard.events.WebhookEvent;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.NotSignedInException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Who may open a real-time connection to a board: the client's URL names the board ({@code board=<id>}, as
 * {@code negotiate} made it), the service vouches for the user; anyone with a role on the board may connect, and
 * gets the board's group and exactly the Web PubSub roles that role allows. An accepted connection is announced
 * as {@link BoardConnectionAccepted} (presence records it).
 */
@ApplicationScoped
public class BoardConnections implements ConnectPolicy {

    @Inject
    BoardAccess access;

    @Inject
    Event<BoardConnectionAccepted> accepted;

    @Override
    public Answer connect(WebhookEvent.Connect event) {
        String user = event.userId().orElseThrow(() -> new NotSignedInException("the connection has no user id"));
        String boardId = event.queryValue("board")
                .orElseThrow(() -> new InvalidInputException("board", "the client URL must name the board: board=<id>"));
        BoardRole role = access.require(boardId, user, BoardRole.VIEWER).role();
        accepted.fire(new BoardConnectionAccepted(event.connectionId(), boardId, user, role));
        return new Answer(List.of(BoardGroup.of(boardId)), BoardGroup.webPubSubRoles(boardId, role));
    }

    /** A connection to a board was accepted (fired inside the connect call, before the service opens it). */
    public record BoardConnectionAccepted(String connectionId, String boardId, String user, BoardRole role) {
    }
}
