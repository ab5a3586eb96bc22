package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.BoardRole;
import java.util.Collection;
import java.util.Optional;

/**
 * The rule that decides a user's role on a board, apart from where the facts come from ({@link BoardAccess} reads
 * them from the database and the identity provider): the creator is an owner; an administrator owns every board;
 * otherwise the highest role granted to the user or to one of the user's groups; otherwise the default role, which
 * may be none ({@code whiteboard.boards.default-role=none}: boards only their members see); and, on a board shared by
 * link, at least the link's role.
 */
public record RoleRule(Optional<BoardRole> defaultRole) {

    /** From the setting {@code whiteboard.boards.default-role}: a role's name, or {@code none}. */
    public static RoleRule fromSetting(String defaultRole) {
        return new RoleRule(
                "none".equalsIgnoreCase(defaultRole.strip())
                        ? Optional.empty()
                        : Optional.of(BoardRole.parse("whiteboard.boards.default-role", defaultRole)));
    }

    /**
     * The role of {@code user} on a board created by {@code creator}, given whether the user administers boards and
     * the roles granted to the user and the user's groups on it; empty when the user has none.
     */
    public Optional<BoardRole> decide(
            String creator, String user, boolean administrator, Collection<BoardRole> granted) {
        return decide(creator, user, administrator, granted, Optional.empty());
    }

    /**
     * As {@link #decide(String, String, boolean, Collection)} on a board shared by link: {@code linkRole} is what
     * anyone signed in has through it; the higher of it and the granted (or else default) role counts.
     */
    public Optional<BoardRole> decide(
            String creator,
            String user,
            boolean administrator,
            Collection<BoardRole> granted,
            Optional<BoardRole> linkRole) {
        if (administrator || creator.equals(user)) {
            return Optional.of(BoardRole.OWNER);
        }
        Optional<BoardRole> role = granted.stream().reduce(RoleRule::higher).or(() -> defaultRole);
        if (linkRole.isEmpty()) {
            return role;
        }
        return Optional.of(role.map(r -> higher(r, linkRole.get())).orElse(linkRole.get()));
    }

    /**
     * Whether every user sees every board (a default role), so that lists need not be narrowed to the boards
     * created by or granted to the user (administrators see every board either way).
     */
    public boolean everyoneSeesEveryBoard() {
        return defaultRole.isPresent();
    }

    /** The higher of two roles (grants to a user and to their groups add up to the highest). */
    public static BoardRole higher(BoardRole a, BoardRole b) {
        return a.includes(b) ? a : b;
    }
}
