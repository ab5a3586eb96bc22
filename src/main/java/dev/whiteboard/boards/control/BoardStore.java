package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardBackground;
import dev.whiteboard.boards.entity.BoardId;
import dev.whiteboard.boards.entity.Limits;
import dev.whiteboard.boards.entity.Shape;
import dev.whiteboard.boards.entity.ShapeData;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.images.ImageInspector;
import dev.whiteboard.images.ImageType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The boards repository. Each public method is one transaction: a change locks the board row
 * ({@code PESSIMISTIC_WRITE}), so changes to one board are applied one after another and each gets its own
 * version, while different boards never wait for each other. Failures of the database surface as
 * {@code PersistenceException}s; expected failures as {@code WhiteboardException}s.
 */
@ApplicationScoped
@Transactional
public class BoardStore {

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    Event<BoardChange> changes;

    public Board create(String title, String user) {
        Board board = new Board(BoardId.generate(), title, user(user), now());
        em.persist(board);
        return board;
    }

    /**
     * Boards, newest first: all of them, or ({@code member} given) those the user created or was granted a role on
     * (themselves or through a group).
     */
    public List<Board> list(int offset, int limit, Optional<BoardAccess.Grantees> member) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset cannot be negative");
        }
        if (limit < 1 || limit > Limits.MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + Limits.MAX_PAGE_SIZE);
        }
        TypedQuery<Board> query = member.isPresent()
                ? em.createNamedQuery(Board.NEWEST_FIRST_FOR_MEMBER, Board.class)
                        .setParameter("user", member.get().user())
                        .setParameter("grantees", member.get().names())
                : em.createNamedQuery(Board.NEWEST_FIRST, Board.class);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public Optional<Board> find(String boardId) {
        return BoardId.isWellFormed(boardId) ? Optional.ofNullable(em.find(Board.class, boardId)) : Optional.empty();
    }

    public Board get(String boardId) {
        return find(boardId).orElseThrow(() -> new BoardNotFoundException(boardId));
    }

    public Diagram diagram(String boardId) {
        Board board = get(boardId);
        List<Shape> shapes = em.createNamedQuery(Shape.LIVE_ON_BOARD, Shape.class)
                .setParameter("board", board.id())
                .getResultList();
        return new Diagram(board, shapes);
    }

    /**
     * Adds the shape, or replaces the content of the one with that id (restoring it if it was removed). Storing
     * content that is already there changes nothing. A shape without z is put on top of the board.
     */
    public ShapeChange putShape(String boardId, String shapeId, ShapeData data, String user) {
        Board board = lock(boardId);
        long from = board.version();
        ShapeChange change = content(board, user).put(shapeId, data);
        if (change.changed()) {
            changes.fire(new BoardChange.ShapesChanged(
                    board.id(), from, board.version(), user(user), List.of(change.shape()), List.of()));
        }
        return change;
    }

    /** Removes the shape; returns whether it was there to remove (removing twice changes nothing). */
    public boolean removeShape(String boardId, String shapeId, String user) {
        Board board = lock(boardId);
        long from = board.version();
        boolean removed = content(board, user).remove(shapeId);
        if (removed) {
            changes.fire(new BoardChange.ShapesChanged(
                    board.id(), from, board.version(), user(user), List.of(), List.of(shapeId)));
        }
        return removed;
    }

    /**
     * Applies a batch of edits in order, all or nothing (one invalid edit, or a full board, rejects the batch).
     * Edits that change nothing (a replay) are skipped; each one that does gets its own version.
     */
    public BoardUpdate apply(String boardId, List<ShapeEdit> edits, String user) {
        if (edits.size() > Limits.MAX_EDITS_PER_BATCH) {
            throw new InvalidInputException("edits", "at most " + Limits.MAX_EDITS_PER_BATCH + " edits in one batch");
        }
        Board board = lock(boardId);
        long from = board.version();
        content(board, user).apply(edits).ifPresent(changes::fire);
        return new BoardUpdate(board.id(), from, board.version());
    }

    /** Removes every shape of the board, as one change; clearing an empty board changes nothing. */
    public BoardUpdate clear(String boardId, String user) {
        Board board = lock(boardId);
        long from = board.version();
        List<Shape> live = em.createNamedQuery(Shape.LIVE_ON_BOARD, Shape.class)
                .setParameter("board", board.id())
                .getResultList();
        if (!live.isEmpty()) {
            long version = board.nextVersion();
            OffsetDateTime now = now();
            live.forEach(shape -> shape.remove(version, now));
            board.cleared();
            changes.fire(new BoardChange.Cleared(board.id(), from, version, user(user)));
        }
        return new BoardUpdate(board.id(), from, board.version());
    }

    /** The board's content rules, on its rows: a new shape is persisted, shapes are looked up by id. */
    private BoardContent content(Board board, String user) {
        return new BoardContent(
                board,
                new BoardContent.Shapes() {
                    @Override
                    public Optional<Shape> find(String shapeId) {
                        return shape(board, shapeId);
                    }

                    @Override
                    public void add(Shape shape) {
                        em.persist(shape);
                    }
                },
                () -> user(user),
                BoardStore::now);
    }

    public Optional<BoardBackground> background(String boardId) {
        Board board = get(boardId);
        return board.backgroundRef().map(ref -> em.find(BoardBackground.class, board.id()));
    }

    /**
     * Sets the board's background image; {@code content} must be exactly one well-formed image of an accepted format
     * of at most {@link Limits#MAX_BACKGROUND_PIXELS} ({@link ImageInspector}: 415 or 413 otherwise).
     */
    public BoardBackground setBackground(String boardId, byte[] content, String user) {
        ImageType type =
                ImageInspector.inspect(content, Limits.MAX_BACKGROUND_PIXELS).type();
        Board board = lock(boardId);
        long from = board.version();
        BoardBackground background = em.find(BoardBackground.class, board.id());
        if (background == null) {
            background = new BoardBackground(board.id(), type, content, user(user), now());
            em.persist(background);
        } else {
            background.replace(type, content, user(user), now());
        }
        board.showBackground(background.ref(), background.contentType());
        board.nextVersion();
        changes.fire(new BoardChange.BackgroundChanged(board.id(), from, board.version(), user(user), board));
        return background;
    }

    /** Removes the background image; returns whether there was one. */
    public boolean removeBackground(String boardId, String user) {
        Board board = lock(boardId);
        long from = board.version();
        BoardBackground background = em.find(BoardBackground.class, board.id());
        if (background == null) {
            return false;
        }
        em.remove(background);
        board.removeBackground();
        board.nextVersion();
        changes.fire(new BoardChange.BackgroundChanged(board.id(), from, board.version(), user(user), board));
        return true;
    }

    /** Sets the background colour ({@code #rrggbb}, or {@code null} for the default); the same colour changes nothing. */
    public BoardUpdate paintBackground(String boardId, String color, String user) {
        Board board = lock(boardId);
        long from = board.version();
        String before = board.backgroundColor().orElse(null);
        board.paintBackground(color);
        if (!Objects.equals(before, board.backgroundColor().orElse(null))) {
            board.nextVersion();
            changes.fire(new BoardChange.BackgroundChanged(board.id(), from, board.version(), user(user), board));
        }
        return new BoardUpdate(board.id(), from, board.version());
    }

    private Board lock(String boardId) {
        if (!BoardId.isWellFormed(boardId)) {
            throw new BoardNotFoundException(boardId);
        }
        Board board = em.find(Board.class, boardId, LockModeType.PESSIMISTIC_WRITE);
        if (board == null) {
            throw new BoardNotFoundException(boardId);
        }
        return board;
    }

    private Optional<Shape> shape(Board board, String shapeId) {
        return em.createNamedQuery(Shape.BY_SHAPE_ID, Shape.class)
                .setParameter("board", board.id())
                .setParameter("shape", shapeId)
                .getResultStream()
                .findFirst();
    }

    private static String user(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a change needs the name of who made it");
        }
        return user.length() > Limits.MAX_USER_LENGTH ? user.substring(0, Limits.MAX_USER_LENGTH) : user;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
