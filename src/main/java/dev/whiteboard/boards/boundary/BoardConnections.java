package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.entity.BoardConnectionAccepted;
import dev.whiteboard.boards.entity.BoardGroup;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.events.ConnectPolicy;
import dev.whiteboard.events.ConnectionGroups;
import dev.whiteboard.events.WebhookEvent;
import dev.whiteboard.security.NotSignedInException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may open a real-time connection to a board: the client's URL names the board ({@code board=<id>}, as
 * {@code negotiate} made it), the service vouches for the user; anyone with a role on the board may connect, and
 * gets the board's group and exactly the Web PubSub roles that role allows. A URL with {@code lobby=true} instead
 * is a connection of a signed-in user that is on no board (the boards list page): no board group, no roles. Either
 * way the connection also joins the groups other features add for the user ({@link ConnectionGroups}: the chat
 * rooms they are in). An accepted connection is announced as {@link BoardConnectionAccepted} (presence records it).
 */
@ApplicationScoped
public class BoardConnections implements ConnectPolicy {

    @Inject
    BoardAccess access;

    @Inject
    Event<BoardConnectionAccepted> accepted;

    @Inject
    Instance<ConnectionGroups> featureGroups;

    @Override
    public Answer connect(WebhookEvent.Connect event) {
        String user = event.userId().orElseThrow(() -> new NotSignedInException("the connection has no user id"));
        Optional<String> board = event.queryValue("board");
        if (board.isEmpty() && event.queryValue("lobby").filter("true"::equals).isPresent()) {
            accepted.fire(new BoardConnectionAccepted(event.connectionId(), null, user, null));
            return new Answer(featureGroups(user, List.of()), List.of());
        }
        String boardId = board.orElseThrow(() -> new InvalidInputException(
                "board", "the client URL must name the board (board=<id>) or be the lobby's (lobby=true)"));
        BoardRole role = access.require(boardId, user, BoardRole.VIEWER).role();
        accepted.fire(new BoardConnectionAccepted(event.connectionId(), boardId, user, role));
        return new Answer(
                featureGroups(user, List.of(BoardGroup.of(boardId))), BoardGroup.webPubSubRoles(boardId, role));
    }

    private List<String> featureGroups(String user, List<String> groups) {
        List<String> all = new ArrayList<>(groups);
        featureGroups.forEach(feature -> all.addAll(feature.groupsOf(user)));
        return all;
    }
}
