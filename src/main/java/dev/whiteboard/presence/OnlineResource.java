package dev.whiteboard.presence;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.control.BoardStore;
import dev.whiteboard.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/presence}: who is online anywhere in the product, active or away, and where: the boards they
 * are on (only the boards the caller may see) and whether they are on the boards list ({@code lobby}).
 */
@Path("presence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OnlineResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Presence presence;

    @Inject
    BoardAccess access;

    @Inject
    BoardStore boards;

    @GET
    public List<Presence.Online> online() {
        String user = caller.name();
        List<Presence.Online> everyone = presence.everyone();
        Set<String> visible = visibleBoards(user, everyone);
        return everyone.stream()
                .map(o -> new Presence.Online(
                        o.user(),
                        o.name(),
                        o.state(),
                        o.boards().stream().filter(visible::contains).toList(),
                        o.lobby()))
                .toList();
    }

    /** The boards among those people are on that the caller has a role on (the others are left out). */
    private Set<String> visibleBoards(String user, List<Presence.Online> everyone) {
        List<String> ids =
                everyone.stream().flatMap(o -> o.boards().stream()).distinct().toList();
        return access.roles(
                        ids.stream().map(boards::find).flatMap(Optional::stream).toList(), user)
                .keySet();
    }
}
