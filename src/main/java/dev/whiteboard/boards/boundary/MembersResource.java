package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.control.NoRoleException;
import dev.whiteboard.boards.entity.BoardMember;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.CurrentCaller;
import dev.whiteboard.security.signin.KnownUsers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/boards/{board}/members}: who has which role on a board. Everyone on the board may read the list;
 * owners grant ({@code PUT …/members/{user}} with {@code {"role":"editor"}}) and take back ({@code DELETE}) roles.
 * {@code {user}} is a user id, or {@code group:<name>} for everyone in a group of the identity provider. Users
 * without a granted role (of their own or through a group) have the configured default role. The creator is
 * always an owner: removing them is refused (409). {@code GET …/members/{user}} tells one person's role as the app
 * decides it (grants of their own and of their groups, link access, the default role).
 */
@Path("boards/{board}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    BoardAccess access;

    @Inject
    CurrentCaller caller;

    @Inject
    KnownUsers knownUsers;

    /** A member: {@code {"user":"bob","name":"Bob Berg","role":"editor"}} ({@code name}: what to call them). */
    public record MemberView(String user, String name, String role) {}

    /** The body of a grant. */
    public record Grant(String role) {}

    @GET
    public List<MemberView> list(@PathParam("board") String boardId) {
        BoardAccess.Allowed allowed = access.require(boardId, caller.name(), BoardRole.VIEWER);
        List<MemberView> members = new ArrayList<>();
        String creator = allowed.board().createdBy();
        members.add(new MemberView(creator, knownUsers.displayName(creator), BoardRole.OWNER.wireName()));
        access.members(boardId)
                .forEach(m -> members.add(new MemberView(
                        m.user(), knownUsers.displayName(m.user()), m.role().wireName())));
        return members;
    }

    /**
     * One person's role on the board as the app decides it now: their own grant, a group's, link access, the default
     * role, an administrator's; 404 when they have none. Everyone on the board may ask (a page checks that "bring
     * everyone" came from an owner, who may be one through a group).
     */
    @GET
    @Path("{user}")
    public MemberView role(@PathParam("board") String boardId, @PathParam("user") String user) {
        access.require(boardId, caller.name(), BoardRole.VIEWER);
        BoardRole role = access.role(boardId, user).orElseThrow(() -> new NoRoleException(user));
        return new MemberView(user, knownUsers.displayName(user), role.wireName());
    }

    @PUT
    @Path("{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView grant(@PathParam("board") String boardId, @PathParam("user") String user, Grant body) {
        if (body == null || body.role() == null) {
            throw new InvalidInputException("role", "a JSON body with the role is required: {\"role\":\"editor\"}");
        }
        BoardMember member = access.grant(boardId, user, BoardRole.parse("role", body.role()), caller.name());
        return new MemberView(
                member.user(),
                knownUsers.displayName(member.user()),
                member.role().wireName());
    }

    @DELETE
    @Path("{user}")
    public Response revoke(@PathParam("board") String boardId, @PathParam("user") String user) {
        access.revoke(boardId, user, caller.name());
        return Response.noContent().build();
    }
}
