package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardId;
import dev.whiteboard.boards.entity.BoardMember;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.security.accounts.AccountStates;
import dev.whiteboard.security.oidc.CallerGroups;
import dev.whiteboard.security.signin.KnownUsers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may do what on a board: the one place that decides a caller's {@link BoardRole}. In this order: the creator
 * is an owner; members of an administrators' group of the identity provider ({@code whiteboard.oidc.admin-groups})
 * own every board; otherwise the highest role an owner granted the user or one of the user's groups
 * ({@code group:<name>}); otherwise the configured default ({@code whiteboard.boards.default-role}: {@code editor}
 * (the default), {@code viewer}, or {@code none} for boards only their members see). A user's groups are the
 * provider's, as {@link CallerGroups} last recorded them (built-in accounts have none). The rule itself is
 * {@link RoleRule}, and who may be granted a role {@link Grantable}: this class gathers the facts they decide on. A
 * disabled built-in account has no role on any board ({@link AccountStates}).
 */
@ApplicationScoped
@Transactional
public class BoardAccess {

    /** How a group is named where a role is granted to everyone in it: {@code group:design}. */
    public static final String GROUP_PREFIX = "group:";

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    @ConfigProperty(name = "whiteboard.boards.default-role", defaultValue = "editor")
    String defaultRoleSetting;

    @Inject
    CallerGroups callerGroups;

    @Inject
    KnownUsers knownUsers;

    @Inject
    AccountStates accountStates;

    @Inject
    Event<GrantsChanged> grantsChanged;

    /**
     * The roles granted on a board changed (a grant, a regrant, a revoke, to a user or a group): fired inside the
     * transaction; observed after it succeeded, so open connections to the board are re-evaluated (and written in
     * the board's activity log). {@code member} is the user id, {@code group:<name>} or {@link #LINK} for access by
     * link; {@code role} the role or link access now, {@code null} when revoked; {@code by} the owner who did it.
     */
    public record GrantsChanged(String boardId, String member, String role, String by) {

        /** The member that stands for "anyone with the link". */
        public static final String LINK = "link";
    }

    private RoleRule rule;

    /** Whom roles may have been granted to on behalf of a user: the user id, and {@code group:<g>} for each group. */
    public record Grantees(String user, Set<String> names) {
        public Grantees {
            names = Set.copyOf(names);
        }
    }

    @PostConstruct
    void readDefault() {
        rule = RoleRule.fromSetting(defaultRoleSetting);
    }

    /** The caller's role on the board, if they have any. */
    public Optional<BoardRole> role(Board board, String user) {
        return Optional.ofNullable(roles(List.of(board), user).get(board.id()));
    }

    /** The user's role on the board now; none when the board is gone. */
    public Optional<BoardRole> role(String boardId, String user) {
        Board board = BoardId.isWellFormed(boardId) ? em.find(Board.class, boardId) : null;
        return board == null ? Optional.empty() : role(board, user);
    }

    /**
     * The caller's role on each of the boards (absent where they have none), with one query for all of them. Nobody
     * has a role on a board in the trash: it cannot be opened, drawn on or connected to until it is restored.
     */
    public Map<String, BoardRole> roles(List<Board> boards, String user) {
        return rolesEvenInTrash(boards.stream().filter(b -> !b.inTrash()).toList(), user);
    }

    /** The roles the caller has (or had, before it went to the trash) on each of the boards. */
    public Map<String, BoardRole> rolesEvenInTrash(List<Board> boards, String user) {
        if (!accountStates.usable(user)) {
            return Map.of(); // a disabled account has no role anywhere
        }
        boolean administrator = administers(user);
        Map<String, List<BoardRole>> granted = new HashMap<>();
        if (!boards.isEmpty() && !administrator) {
            em.createNamedQuery(BoardMember.OF_GRANTEES_ON_BOARDS, BoardMember.class)
                    .setParameter("grantees", grantees(user).names())
                    .setParameter("boards", boards.stream().map(Board::id).toList())
                    .getResultList()
                    .forEach(m -> granted.computeIfAbsent(m.boardId(), b -> new ArrayList<>())
                            .add(m.role()));
        }
        Map<String, BoardRole> roles = new HashMap<>();
        for (Board board : boards) {
            rule.decide(
                            board.createdBy(),
                            user,
                            administrator,
                            granted.getOrDefault(board.id(), List.of()),
                            board.linkRole())
                    .ifPresent(r -> roles.put(board.id(), r));
        }
        return roles;
    }

    /** Which boards the user's list shows: all ({@code empty}), or those created by or granted to the grantees. */
    public Optional<Grantees> listed(String user) {
        return rule.everyoneSeesEveryBoard() || administers(user) ? Optional.empty() : Optional.of(grantees(user));
    }

    /** Whom roles may have been granted to on behalf of the user: the user, and each of the user's groups. */
    public Grantees grantees(String user) {
        Set<String> names = new HashSet<>();
        names.add(user);
        callerGroups.of(user).forEach(group -> names.add(GROUP_PREFIX + group));
        return new Grantees(user, names);
    }

    /** Whether the user sees every board (a default role, or an administrator), granted or not. */
    public boolean seesEveryBoard(String user) {
        return listed(user).isEmpty();
    }

    /** Whether the user owns every board (a member of an administrators' group of the identity provider). */
    public boolean administers(String user) {
        return callerGroups.administers(user);
    }

    /**
     * The board and the caller's role on it, if that role includes {@code needed}; otherwise
     * {@link NotAllowedOnBoardException} (or {@link BoardNotFoundException}).
     */
    public Allowed require(String boardId, String user, BoardRole needed) {
        Board board = BoardId.isWellFormed(boardId) ? em.find(Board.class, boardId) : null;
        if (board == null || board.inTrash()) {
            throw new BoardNotFoundException(boardId);
        }
        return allowed(board, user, needed);
    }

    /**
     * As {@link #require}, and a board in the trash too, for its owners only: to everyone else a board in the trash
     * does not exist ({@link BoardNotFoundException}, whatever their role on it was).
     */
    public Allowed requireEvenInTrash(String boardId, String user, BoardRole needed) {
        Board board = BoardId.isWellFormed(boardId) ? em.find(Board.class, boardId) : null;
        if (board == null) {
            throw new BoardNotFoundException(boardId);
        }
        if (board.inTrash()) {
            BoardRole had = Optional.ofNullable(
                            rolesEvenInTrash(List.of(board), user).get(board.id()))
                    .filter(r -> r == BoardRole.OWNER)
                    .orElseThrow(() -> new BoardNotFoundException(boardId));
            return new Allowed(board, had);
        }
        return allowed(board, user, needed);
    }

    private Allowed allowed(Board board, String user, BoardRole needed) {
        BoardRole role = roleForChange(board, user).orElseThrow(() -> new NotAllowedOnBoardException(needed, null));
        if (!role.includes(needed)) {
            throw new NotAllowedOnBoardException(needed, role);
        }
        return new Allowed(board, role);
    }

    /**
     * The user's role for a change: read once per group of changes committed together ({@link BoardBatch#applyAll},
     * which marks its transaction), as one transaction making several changes reads it once; read each time otherwise.
     */
    private Optional<BoardRole> roleForChange(Board board, String user) {
        if (transaction.getTransactionKey() == null || transaction.getResource(BoardBatch.GROUP) == null) {
            return role(board, user);
        }
        List<String> key = List.of(BoardBatch.GROUP.toString(), board.id(), user);
        @SuppressWarnings("unchecked")
        Optional<BoardRole> known = (Optional<BoardRole>) transaction.getResource(key);
        if (known == null) {
            known = role(board, user);
            transaction.putResource(key, known);
        }
        return known;
    }

    /** A board and what the caller may do on it. */
    public record Allowed(Board board, BoardRole role) {}

    public List<BoardMember> members(String boardId) {
        return em.createNamedQuery(BoardMember.OF_BOARD, BoardMember.class)
                .setParameter("board", boardId)
                .getResultList();
    }

    /**
     * Grants {@code user} (a user id, or {@code group:<name>} for everyone in a group) the role (an owner's
     * decision); the creator's own role cannot be changed. A user id must name someone who exists: a built-in
     * account or a user the identity provider vouched for here. When sign-in is OpenID Connect, users not seen yet
     * may be granted too (the provider is the directory and the app cannot ask it; an owner shares a board before
     * the colleague first signs in); otherwise an unknown user is refused ({@link UnknownUserException}).
     */
    public BoardMember grant(String boardId, String user, BoardRole role, String owner) {
        Board board = require(boardId, owner, BoardRole.OWNER).board();
        String member = Grantable.member(user, board.createdBy(), knownUsers::mayBeGranted);
        grantsChanged.fire(new GrantsChanged(board.id(), member, role.wireName(), owner));
        BoardMember existing = em.find(BoardMember.class, new BoardMember.Key(board.id(), member));
        if (existing != null) {
            existing.regrant(role, owner, now());
            return existing;
        }
        BoardMember granted = new BoardMember(board.id(), member, role, owner, now());
        em.persist(granted);
        return granted;
    }

    /**
     * Takes back the role granted to {@code user}; returns whether there was one. The creator is always an owner (and
     * so the board's last owner): taking that away is refused ({@link LastOwnerException}).
     */
    public boolean revoke(String boardId, String user, String owner) {
        Board board = require(boardId, owner, BoardRole.OWNER).board();
        if (board.createdBy().equals(user)) {
            throw new LastOwnerException(user);
        }
        BoardMember existing = em.find(BoardMember.class, new BoardMember.Key(board.id(), user));
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        grantsChanged.fire(new GrantsChanged(board.id(), user, null, owner));
        return true;
    }

    /**
     * Sets who may open the board by its link besides its members ({@code off}, {@code view}, {@code edit}; owners
     * only); connections already open are re-evaluated, as after a grant.
     */
    public Board shareByLink(String boardId, String access, String owner) {
        Board board = require(boardId, owner, BoardRole.OWNER).board();
        if (access == null) {
            throw new InvalidInputException(
                    "access", "a JSON body with the link access is required: {\"access\":\"view\"}");
        }
        if (board.shareByLink(access)) {
            grantsChanged.fire(new GrantsChanged(board.id(), GrantsChanged.LINK, board.linkAccess(), owner));
        }
        return board;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
