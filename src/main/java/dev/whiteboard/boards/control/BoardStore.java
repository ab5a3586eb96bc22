package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardAsset;
import dev.whiteboard.boards.entity.BoardBackground;
import dev.whiteboard.boards.entity.BoardId;
import dev.whiteboard.boards.entity.BoardStar;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The boards repository. Each public method is one transaction: a change locks the board row
 * ({@code PESSIMISTIC_WRITE}), so changes to one board are applied one after another and each gets its own
 * version, while different boards never wait for each other. Failures of the database surface as
 * {@code PersistenceException}s; expected failures as {@code WhiteboardException}s.
 */
@ApplicationScoped
@Transactional
public class BoardStore {

    /**
     * Copies the assets the live shapes of a board use to another board, inside the database (the bytes never pass
     * through the app): 1 the copy's id, 2 now, 3 and 4 the original's id.
     */
    private static final String COPY_USED_ASSETS =
            "INSERT INTO board_assets (board_id, asset_id, content_type, content,"
                    + " size_bytes, width, height, uploaded_by, uploaded_at) SELECT ?, a.asset_id, a.content_type, a.content,"
                    + " a.size_bytes, a.width, a.height, a.uploaded_by, ? FROM board_assets a WHERE a.board_id = ? AND"
                    + " a.asset_id IN (SELECT s.asset_id FROM shapes s WHERE s.board_id = ? AND s.removed = FALSE)";

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    Event<BoardChange> changes;

    @Inject
    Event<BoardTrashed> trashed;

    @Inject
    Event<BoardRenamed> renamed;

    @Inject
    Event<BoardPurged> purged;

    @Inject
    Event<BoardCreated> created;

    public Board create(String title, String user) {
        Board board = new Board(BoardId.generate(), title, user(user), now());
        em.persist(board);
        created.fire(new BoardCreated(board.id(), board.createdBy(), board.version()));
        return board;
    }

    /** The boards of a list (see {@link BoardQuery}) for the user {@code grantees} names. */
    public List<Board> list(BoardQuery query, BoardAccess.Grantees grantees, boolean everyBoard) {
        BoardQuery.Jpql jpql = query.jpql(grantees, everyBoard);
        TypedQuery<Board> typed = em.createQuery(jpql.query(), Board.class);
        jpql.parameters().forEach(typed::setParameter);
        return typed.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    }

    /** Which of the boards the user starred. */
    public Set<String> starred(List<Board> boards, String user) {
        if (boards.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNamedQuery(BoardStar.OF_USER_ON_BOARDS, String.class)
                .setParameter("user", user)
                .setParameter("boards", boards.stream().map(Board::id).toList())
                .getResultList());
    }

    /** Stars the board for the user, or takes the star away; doing it twice changes nothing. */
    public void star(String boardId, String user, boolean starred) {
        BoardStar existing = em.find(BoardStar.class, new BoardStar.Key(user, boardId));
        if (starred && existing == null) {
            em.persist(new BoardStar(user, boardId, now()));
        } else if (!starred && existing != null) {
            em.remove(existing);
        }
    }

    /** Gives the board another title (1–120 characters, trimmed); the same title changes nothing. */
    public Board rename(String boardId, String title, String user) {
        Board board = lock(boardId);
        if (board.rename(title, user(user), now())) {
            renamed.fire(new BoardRenamed(board.id(), board.title(), user(user)));
        }
        return board;
    }

    /**
     * A new board owned by {@code user}, titled {@code title} (or the original's title with " (copy)"), with a copy of
     * the original's live shapes (same ids, content and stacking; removed ones are not copied), the image assets they
     * show, and its background image and colour, all as the new board's first version.
     */
    public Board duplicate(String boardId, Optional<String> title, String user) {
        Board original = get(boardId);
        Board copy = new Board(
                BoardId.generate(), title.orElseGet(() -> Board.copyTitle(original.title())), user(user), now());
        em.persist(copy);
        List<Shape> shapes = em.createNamedQuery(Shape.LIVE_ON_BOARD, Shape.class)
                .setParameter("board", original.id())
                .getResultList();
        BoardBackground background = original.backgroundRef()
                .map(ref -> em.find(BoardBackground.class, original.id()))
                .orElse(null);
        if (shapes.isEmpty() && background == null && original.backgroundColor().isEmpty()) {
            created.fire(new BoardCreated(copy.id(), copy.createdBy(), copy.version()));
            return copy;
        }
        OffsetDateTime now = now();
        long version = copy.nextVersion(user(user), now);
        for (Shape shape : shapes) {
            copy.shapeAdded();
            em.persist(new Shape(copy.id(), shape.shapeId(), shape.data(), shape.author(), version, now));
        }
        if (shapes.stream().anyMatch(s -> s.data().asset() != null)) {
            em.flush(); // the copy's row, before the database copies the assets that refer to it
            em.createNativeQuery(COPY_USED_ASSETS)
                    .setParameter(1, copy.id())
                    .setParameter(2, now)
                    .setParameter(3, original.id())
                    .setParameter(4, original.id())
                    .executeUpdate();
        }
        if (background != null) {
            ImageType type = ImageType.ofMediaType(background.contentType())
                    .orElseThrow(() -> new IllegalStateException("stored background of unknown type"));
            BoardBackground copied = new BoardBackground(copy.id(), type, background.content(), user(user), now);
            em.persist(copied);
            copy.showBackground(copied.ref(), copied.contentType());
        }
        copy.paintBackground(original.backgroundColor().orElse(null));
        created.fire(new BoardCreated(copy.id(), copy.createdBy(), copy.version()));
        return copy;
    }

    /** Moves the board to the trash; moving it again changes nothing. Its open connections are closed. */
    public Board trash(String boardId, String user) {
        Board board = lock(boardId);
        if (board.trash(user(user), now())) {
            trashed.fire(new BoardTrashed(board.id(), user(user)));
        }
        return board;
    }

    /** Takes the board out of the trash, as it was; {@link BoardNotInTrashException} when it is not there. */
    public Board restore(String boardId) {
        Board board = lock(boardId);
        if (!board.restore()) {
            throw new BoardNotInTrashException();
        }
        return board;
    }

    /**
     * Deletes a board in the trash with everything that belongs to it: shapes, background, roles, stars (by the
     * database's cascades) and what other features keep for it (its chat: {@link BoardPurged}, in this transaction).
     * {@link BoardNotInTrashException} when the board is not in the trash.
     */
    public void purge(String boardId) {
        Board board = lock(boardId);
        if (!board.inTrash()) {
            throw new BoardNotInTrashException();
        }
        delete(board);
    }

    /** The ids of (at most {@code limit}) boards that went to the trash before {@code cutoff}, oldest first. */
    public List<String> trashedBefore(OffsetDateTime cutoff, int limit) {
        return em.createNamedQuery(Board.TRASHED_BEFORE, String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Purges the board if it is (still) in the trash since before {@code cutoff}; whether it did. */
    public boolean purgeIfTrashedBefore(String boardId, OffsetDateTime cutoff) {
        Optional<Board> board = find(boardId);
        if (board.isEmpty()) {
            return false;
        }
        Board locked = lock(boardId);
        if (locked.deletedAt().filter(at -> at.isBefore(cutoff)).isEmpty()) {
            return false; // restored (or trashed again) meanwhile
        }
        delete(locked);
        return true;
    }

    private void delete(Board board) {
        purged.fire(new BoardPurged(board.id()));
        em.flush();
        em.detach(board);
        // one statement; the database's ON DELETE CASCADE removes shapes, background, roles, presence and stars
        em.createNamedQuery(Board.DELETE).setParameter("board", board.id()).executeUpdate();
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
     * Adds the shape, or replaces the content of the one with that id (a removed one is not brought back: {@link
     * ShapeRemovedException}). Storing content that is already there changes nothing. A shape without z is put on
     * top of the board.
     */
    public ShapeChange putShape(String boardId, String shapeId, ShapeData data, String user) {
        return putShape(boardId, shapeId, data, null, false, user);
    }

    /**
     * As above, moving the shape in the stacking order as {@code order} says ({@code front}, {@code back}, {@code
     * forward}, {@code backward}, or {@code null} for no move; see {@code StackOrder}); a removed shape is brought
     * back only when {@code restore} says so ({@link ShapeRemovedException} otherwise).
     */
    public ShapeChange putShape(
            String boardId, String shapeId, ShapeData data, String order, boolean restore, String user) {
        Board board = lock(boardId);
        long from = board.version();
        BoardContent content = content(board, user);
        ShapeChange change = content.put(shapeId, data, order, restore);
        if (change.changed()) {
            List<Shape> put = new ArrayList<>(content.restacked());
            put.add(change.shape());
            changes.fire(new BoardChange.ShapesChanged(board.id(), from, board.version(), user(user), put, List.of()));
        }
        return change;
    }

    /** Removes the shape; returns whether it was there to remove (removing twice changes nothing). */
    public boolean removeShape(String boardId, String shapeId, String user) {
        Board board = lock(boardId);
        long from = board.version();
        BoardContent content = content(board, user);
        boolean removed = content.remove(shapeId);
        if (removed) {
            changes.fire(new BoardChange.ShapesChanged(
                    board.id(), from, board.version(), user(user), content.unbound(), List.of(shapeId)));
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
            OffsetDateTime now = now();
            long version = board.nextVersion(user(user), now);
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

                    @Override
                    public List<Shape> live() {
                        return em.createNamedQuery(Shape.LIVE_ON_BOARD, Shape.class)
                                .setParameter("board", board.id())
                                .getResultList();
                    }

                    @Override
                    public List<Shape> boundTo(String shapeId) {
                        return em.createNamedQuery(Shape.BOUND_TO, Shape.class)
                                .setParameter("board", board.id())
                                .setParameter("removed", false)
                                .setParameter("shape", shapeId)
                                .getResultList();
                    }

                    @Override
                    public boolean hasAsset(String assetId) {
                        return !em.createNamedQuery(BoardAsset.EXISTS, String.class)
                                .setParameter("board", board.id())
                                .setParameter("asset", assetId)
                                .getResultList()
                                .isEmpty();
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
        BoardBackground background = putBackground(board, type, content, user(user));
        board.nextVersion(user(user), now());
        changes.fire(new BoardChange.BackgroundChanged(board.id(), from, board.version(), user(user), board));
        return background;
    }

    /** Removes the background image; returns whether there was one. */
    public boolean removeBackground(String boardId, String user) {
        Board board = lock(boardId);
        long from = board.version();
        if (!dropBackground(board)) {
            return false;
        }
        board.nextVersion(user(user), now());
        changes.fire(new BoardChange.BackgroundChanged(board.id(), from, board.version(), user(user), board));
        return true;
    }

    /**
     * Within a change the caller makes on a board it locked (an upload, a restore): the background image becomes
     * {@code content}, checked by the caller. No new board version and no event: the caller's change carries them.
     */
    public BoardBackground putBackground(Board board, ImageType type, byte[] content, String user) {
        BoardBackground background = em.find(BoardBackground.class, board.id());
        if (background == null) {
            background = new BoardBackground(board.id(), type, content, user, now());
            em.persist(background);
        } else {
            background.replace(type, content, user, now());
        }
        board.showBackground(background.ref(), background.contentType());
        return background;
    }

    /** The same, taking the background image away; returns whether there was one. */
    public boolean dropBackground(Board board) {
        BoardBackground background = em.find(BoardBackground.class, board.id());
        if (background == null) {
            return false;
        }
        em.remove(background);
        board.removeBackground();
        return true;
    }

    /** Sets the background colour ({@code #rrggbb}, or {@code null} for the default); the same colour changes nothing. */
    public BoardUpdate paintBackground(String boardId, String color, String user) {
        Board board = lock(boardId);
        long from = board.version();
        String before = board.backgroundColor().orElse(null);
        board.paintBackground(color);
        if (!Objects.equals(before, board.backgroundColor().orElse(null))) {
            board.nextVersion(user(user), now());
            changes.fire(new BoardChange.BackgroundChanged(board.id(), from, board.version(), user(user), board));
        }
        return new BoardUpdate(board.id(), from, board.version());
    }

    /**
     * Reads the board and locks its row until the transaction ends ({@code SELECT … FOR UPDATE}): changes to one board
     * are made one after another. Later reads of the board in the same transaction (the permission check) use the row
     * read here, without another query.
     */
    public Board lock(String boardId) {
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
