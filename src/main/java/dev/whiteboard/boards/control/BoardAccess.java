package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardId;
import dev.whiteboard.boards.entity.BoardMember;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.errors.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may do what on a board: the one place that decides a caller's {@link BoardRole}. The creator is an owner;
 * someone an owner granted a role has that role; every other signed-in user has the configured default
 * ({@code whiteboard.boards.default-role}: {@code editor} (the default), {@code viewer}, or {@code none} for
 * boards only their members see).
 */
@ApplicationScoped
@Transactional
public class BoardAccess {

    /** User ids that may be granted a role: what identity providers use as names, without spaces or controls. */
    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,255}");

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "whiteboard.boards.default-role", defaultValue = "editor")
    String defaultRoleSetting;

    private Optional<BoardRole> defaultRole;

    @PostConstruct
    void readDefault() {
        defaultRole = "none".equalsIgnoreCase(defaultRoleSetting.strip()) ? Optional.empty()
                : Optional.of(BoardRole.parse("whiteboard.boards.default-role", defaultRoleSetting));
    }

    /** The caller's role on the board, if they have any. */
    public Optional<BoardRole> role(Board board, String user) {
        if (board.createdBy().equals(user)) {
            return Optional.of(BoardRole.OWNER);
        }
        BoardMember member = em.find(BoardMember.class, new BoardMember.Key(board.id(), user));
        return member != null ? Optional.of(member.role()) : defaultRole;
    }

    /** The caller's role on each of the boards (absent where they have none), with one query for all of them. */
    public java.util.Map<String, BoardRole> roles(List<Board> boards, String user) {
        java.util.Map<String, BoardRole> granted = new java.util.HashMap<>();
        if (!boards.isEmpty()) {
            em.createNamedQuery(BoardMember.OF_USER_ON_BOARDS, BoardMember.class).setParameter("user", user)
                    .setParameter("boards", boards.stream().map(Board::id).toList())
                    .getResultList().forEach(m -> granted.put(m.boardId(), m.role()));
        }
        java.util.Map<String, BoardRole> roles = new java.util.HashMap<>();
        for (Board board : boards) {
            Optional<BoardRole> role = board.createdBy().equals(user) ? Optional.of(BoardRole.OWNER)
                    : Optional.ofNullable(granted.get(board.id())).or(() -> defaultRole);
            role.ifPresent(r -> roles.put(board.id(), r));
        }
        return roles;
    }

    /**
     * The board and the caller's role on it, if that role includes {@code needed}; otherwise
     * {@link NotAllowedOnBoardException} (or {@link BoardNotFoundException}).
     */
    public Allowed require(String boardId, String user, BoardRole needed) {
        Board board = BoardId.isWellFormed(boardId) ? em.find(Board.class, boardId) : null;
        if (board == null) {
            throw new BoardNotFoundException(boardId);
        }
        BoardRole role = role(board, user).orElseThrow(() -> new NotAllowedOnBoardException(needed, null));
        if (!role.includes(needed)) {
            throw new NotAllowedOnBoardException(needed, role);
        }
        return new Allowed(board, role);
    }

    /** A board and what the caller may do on it. */
    public record Allowed(Board board, BoardRole role) {
    }

    /** Whether every signed-in user sees every board (a default role is configured). */
    public boolean everyoneSeesEveryBoard() {
        return defaultRole.isPresent();
    }

    public List<BoardMember> members(String boardId) {
        return em.createNamedQuery(BoardMember.OF_BOARD, BoardMember.class).setParameter("board", boardId)
                .getResultList();
    }

    /** Grants {@code user} the role (an owner's decision); the creator's own role cannot be changed. */
    public BoardMember grant(String boardId, String user, BoardRole role, String owner) {
        Board board = require(boardId, owner, BoardRole.OWNER).board();
        String member = validUser(user);
        if (board.createdBy().equals(member)) {
            throw new InvalidInputException("user", "the board's creator is always an owner");
        }
        BoardMember existing = em.find(BoardMember.class, new BoardMember.Key(board.id(), member));
        if (existing != null) {
            existing.regrant(role, owner, now());
            return existing;
        }
        BoardMember granted = new BoardMember(board.id(), member, role, owner, now());
        em.persist(granted);
        return granted;
    }

    /** Takes back the role granted to {@code user}; returns whether there was one. */
    public boolean revoke(String boardId, String user, String owner) {
        Board board = require(boardId, owner, BoardRole.OWNER).board();
        BoardMember existing = em.find(BoardMember.class, new BoardMember.Key(board.id(), user));
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        return true;
    }

    private static String validUser(String user) {
        if (user == null || !USER.matcher(user).matches() || user.length() > Limits.MAX_USER_LENGTH) {
            throw new InvalidInputException("user", "a user id is 1 to 255 letters, digits or . _ @ + -");
        }
        return user;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
