package dev.whiteboard.history.control;

import dev.whiteboard.boards.control.BoardAccess;
import dev.whiteboard.boards.control.BoardChange;
import dev.whiteboard.boards.control.BoardFullException;
import dev.whiteboard.boards.control.BoardStore;
import dev.whiteboard.boards.control.NotAllowedOnBoardException;
import dev.whiteboard.boards.entity.Binding;
import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardAsset;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.boards.entity.Connector;
import dev.whiteboard.boards.entity.Shape;
import dev.whiteboard.boards.entity.ShapeData;
import dev.whiteboard.boards.entity.ShapeKind;
import dev.whiteboard.errors.InvalidInputException;
import dev.whiteboard.history.entity.BoardActivity;
import dev.whiteboard.history.entity.BoardVersion;
import dev.whiteboard.history.entity.BoardVisit;
import dev.whiteboard.history.entity.ShapeRecord;
import dev.whiteboard.images.ImageType;
import dev.whiteboard.security.signin.KnownUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A board's version history: its versions (checkpoints and named ones), the content of any of them, what changed
 * between two, restoring one, recovering one removed shape, the activity log and what each person last saw. Each
 * public method is one transaction; those that change the board lock its row first ({@link BoardStore#lock}), as
 * every change does, so a restore and live drawing are applied one after the other and both sides agree on the
 * result. Viewers read the history; editors save versions and recover shapes; owners restore (editors too when
 * {@code whiteboard.history.editors-restore} is true) and delete versions.
 */
@ApplicationScoped
@Transactional
public class History {

    private static final Logger LOG = Logger.getLogger(History.class.getName());

    /** The states at version 6 of the shapes of board 1 changed in (2, 3] (4 and 5: the board again). */
    private static final String STATES_AT = "SELECT r.* FROM (SELECT DISTINCT c.shape_id FROM shape_history c WHERE"
            + " c.board_id = ? AND c.version > ? AND c.version <= ?) t JOIN shape_history r ON r.board_id = ? AND"
            + " r.shape_id = t.shape_id AND r.version = (SELECT MAX(m.version) FROM shape_history m WHERE m.board_id = ?"
            + " AND m.shape_id = t.shape_id AND m.version <= ?)";

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    BoardStore store;

    @Inject
    BackgroundHistory backgrounds;

    @Inject
    BoardAccess access;

    @Inject
    KnownUsers knownUsers;

    @Inject
    Event<BoardChange> changes;

    @Inject
    Event<VersionsChanged> versionsChanged;

    @Inject
    @ConfigProperty(name = "whiteboard.history.editors-restore", defaultValue = "false")
    boolean editorsRestore;

    /** The versions of a board changed (one saved, taken or deleted): open history panels list them again. */
    public record VersionsChanged(String boardId) {}

    /** A page of versions, newest first, and what the caller may do with them. */
    public record Versions(
            List<BoardVersion> versions, boolean more, boolean canSave, boolean canRestore, boolean canDelete) {}

    /** A version's content: its shapes (live ones, lowest first) as they were. */
    public record VersionContent(BoardVersion version, List<ShapeState> shapes) {}

    /** Where a diff starts or ends: a version (or none: the live board, or a visit) and its board version. */
    public record Point(Optional<BoardVersion> version, long boardVersion) {}

    /** What changed between two points; {@code firstVisit} when the start was a visit the caller never made. */
    public record Difference(Point from, Point to, boolean firstVisit, ShapeDiff<ShapeState> shapes) {}

    /** A shape as it was before its removal, and who removed it when. */
    public record Removal(ShapeState lastLive, ShapeRecord removal) {}

    /** A restore's outcome: the board's new version and the checkpoint of what it was before. */
    public record Restore(long version, BoardVersion checkpoint) {}

    /** A shape brought back: the board's version after, and the shape. */
    public record Recovered(long version, Shape shape) {}

    /** A page of the activity log, newest first, and whether the caller may export it. */
    public record Activity(List<BoardActivity> entries, boolean more, boolean canExport) {}

    // ---- versions

    public Versions versions(String boardId, String user, Optional<String> before, int limit) {
        BoardRole role = access.require(boardId, user, BoardRole.VIEWER).role();
        var query = em.createQuery(
                        "SELECT v FROM BoardVersion v WHERE v.boardId = :board AND (v.version < :version OR"
                                + " (v.version = :version AND v.id < :id)) ORDER BY v.version DESC, v.id DESC",
                        BoardVersion.class)
                .setParameter("board", boardId);
        if (before.isPresent()) {
            BoardVersion from = version(boardId, before.get(), "before");
            query.setParameter("version", from.version()).setParameter("id", from.id());
        } else {
            query.setParameter("version", Long.MAX_VALUE).setParameter("id", "");
        }
        List<BoardVersion> page = query.setMaxResults(limit + 1).getResultList();
        boolean more = page.size() > limit;
        return new Versions(
                more ? page.subList(0, limit) : page,
                more,
                role.includes(BoardRole.EDITOR),
                mayRestore(role),
                role.includes(BoardRole.OWNER));
    }

    /** Saves the board as it is now as a named version (a checkpoint already there becomes that version). */
    public BoardVersion save(String boardId, String label, String description, String user) {
        Board board = store.lock(boardId);
        access.require(boardId, user, BoardRole.EDITOR);
        String name = validLabel(label);
        String text = validDescription(description);
        OffsetDateTime now = now();
        Optional<BoardVersion> latest = latest(board.id());
        BoardVersion saved;
        if (latest.isPresent()
                && latest.get().version() == board.version()
                && latest.get().kind() == BoardVersion.Kind.AUTOMATIC) {
            saved = latest.get();
            saved.name(name, text, user, now);
        } else {
            saved = BoardVersion.named(
                    board.id(),
                    board.version(),
                    name,
                    text,
                    kept(board),
                    user,
                    now,
                    summary(board.id(), latest.map(BoardVersion::version).orElse(0L), board.version()));
            em.persist(saved);
        }
        log(board, user, BoardActivity.Action.VERSION, 0, name);
        versionsChanged.fire(new VersionsChanged(board.id()));
        return saved;
    }

    /**
     * A checkpoint of the board as it is now, taken by {@code user} for {@code reason}; none when the latest version
     * already is the board as it is (a board that did not change costs nothing).
     */
    public Optional<BoardVersion> checkpoint(String boardId, BoardVersion.Reason reason, String user) {
        Board board = store.lock(boardId);
        if (reason == BoardVersion.Reason.IMPORT) {
            access.require(boardId, user, BoardRole.EDITOR);
        }
        return checkpoint(board, board.version(), reason, user);
    }

    /** As above, of a board already locked, as it was at {@code version} (at most its version now). */
    Optional<BoardVersion> checkpoint(Board board, long version, BoardVersion.Reason reason, String user) {
        long previous = latest(board.id()).map(BoardVersion::version).orElse(0L);
        if (previous >= version || version == 0) {
            return Optional.empty();
        }
        BoardVersion checkpoint = BoardVersion.automatic(
                board.id(), version, reason, kept(board), user, now(), summary(board.id(), previous, version));
        em.persist(checkpoint);
        versionsChanged.fire(new VersionsChanged(board.id()));
        return Optional.of(checkpoint);
    }

    /** The board's background now, its image kept for the version about to name it. */
    private BoardVersion.Background kept(Board board) {
        BoardVersion.Background background = BoardVersion.Background.of(board);
        if (background.image().isPresent()) {
            backgrounds.keep(board.id());
        }
        return background;
    }

    public VersionContent content(String boardId, String versionId, String user) {
        Board board = access.require(boardId, user, BoardRole.VIEWER).board();
        BoardVersion version = version(boardId, versionId, "version");
        return new VersionContent(version, shapesAt(board, version));
    }

    public void delete(String boardId, String versionId, String user) {
        Board board = store.lock(boardId);
        access.require(boardId, user, BoardRole.OWNER);
        BoardVersion version = version(boardId, versionId, "version");
        em.remove(version);
        backgrounds.forgetUnnamed(board.id());
        versionsChanged.fire(new VersionsChanged(board.id()));
    }

    /**
     * Makes the version's content the board's again, as one change (one new board version), after a checkpoint of
     * the board as it was: nothing is lost, and the restore can be undone by restoring that checkpoint. Locked
     * shapes are restored too (the version is what the owner asked for); the background colour is the version's.
     */
    public Restore restore(String boardId, String versionId, String user) {
        Board board = store.lock(boardId);
        BoardRole role = access.require(boardId, user, BoardRole.EDITOR).role();
        if (!mayRestore(role)) {
            throw new NotAllowedOnBoardException(BoardRole.OWNER, role);
        }
        BoardVersion target = version(boardId, versionId, "version");
        long head = board.version();
        checkpoint(board, head, BoardVersion.Reason.RESTORE, user);
        BoardVersion before = latest(board.id()).orElseThrow();
        Map<String, ShapeState> then = byId(statesAt(board.id(), target.version(), target.version(), head));
        List<Shape> changed = em.createNamedQuery(Shape.CHANGED_SINCE, Shape.class)
                .setParameter("board", board.id())
                .setParameter("version", target.version())
                .getResultList();
        OffsetDateTime now = now();
        long version = board.nextVersion(user, now);
        List<Shape> back = new ArrayList<>();
        for (Shape shape : changed) { // removals first: the board's count of live shapes never passes its limit
            ShapeState old = then.get(shape.shapeId());
            if (old != null && old.live()) {
                back.add(shape);
            } else if (!shape.removed()) {
                board.shapeRemoved();
                shape.remove(version, now);
            }
        }
        for (Shape shape : back) {
            ShapeData old = then.get(shape.shapeId()).data();
            if (shape.removed()) {
                board.shapeAdded(); // the version had it, and at most the board's limit of live shapes
            } else if (shape.data().equals(old)) {
                continue;
            }
            shape.update(old, version, now);
        }
        restoreBackground(board, target.background(), user);
        log(
                board,
                user,
                BoardActivity.Action.RESTORED,
                0,
                "the version of " + target.createdAt()
                        + target.label().map(l -> " (" + l + ")").orElse(""));
        changes.fire(new BoardChange.Restored(
                board.id(),
                head,
                version,
                user,
                knownUsers.displayName(user),
                new BoardChange.RestoredVersion(
                        target.id(), target.createdAt(), target.label().orElse(null))));
        return new Restore(version, before);
    }

    /** The background of a version restored: its colour, and its image as kept for it. */
    private void restoreBackground(Board board, BoardVersion.Background then, String user) {
        board.paintBackground(then.color());
        if (then.image().equals(board.backgroundRef())) {
            return;
        }
        if (then.image().isEmpty()) {
            store.dropBackground(board);
            return;
        }
        Optional<BackgroundHistory.StoredImage> image = backgrounds.image(board.id(), then.imageRef());
        Optional<ImageType> type = image.flatMap(i -> ImageType.ofMediaType(i.contentType()));
        if (image.isEmpty() || type.isEmpty()) { // not expected: an image is kept as long as a version names it
            LOG.log(
                    Level.WARNING,
                    "The background image {0} of board {1} is not kept; the board keeps its own",
                    new Object[] {then.imageRef(), board.id()});
            return;
        }
        store.putBackground(board, type.get(), image.get().content(), user);
    }

    /** The background image of a version, if it had one. */
    public Optional<BackgroundHistory.StoredImage> backgroundImage(String boardId, String versionId, String user) {
        access.require(boardId, user, BoardRole.VIEWER);
        BoardVersion version = version(boardId, versionId, "version");
        return version.background().image().flatMap(ref -> backgrounds.image(boardId, ref));
    }

    // ---- what changed

    /**
     * What changed from one point to another: each is a version's id, {@code live} (the board now) or, for the
     * start, {@code visit} (what the caller last saw of the board).
     */
    public Difference diff(String boardId, String from, String to, String user) {
        Board board = access.require(boardId, user, BoardRole.VIEWER).board();
        if (from == null || from.isBlank()) {
            throw new InvalidInputException("from", "from is required: a version's id, visit or live");
        }
        boolean firstVisit = false;
        Point start;
        if ("visit".equals(from)) {
            BoardVisit visit = em.find(BoardVisit.class, new BoardVisit.Key(board.id(), user));
            firstVisit = visit == null;
            start = new Point(Optional.empty(), visit == null ? board.version() : visit.version());
        } else {
            start = point(board, from, "from");
        }
        Point end = point(board, to == null || to.isBlank() ? "live" : to, "to");
        long low = Math.min(start.boardVersion(), end.boardVersion());
        long high = Math.max(start.boardVersion(), end.boardVersion());
        return new Difference(start, end, firstVisit, diff(board.id(), start.boardVersion(), end.boardVersion()));
    }

    private Point point(Board board, String id, String field) {
        if ("live".equals(id)) {
            return new Point(Optional.empty(), board.version());
        }
        BoardVersion version = version(board.id(), id, field);
        return new Point(Optional.of(version), version.version());
    }

    /** Records that the caller has seen the board at {@code version} (the newest they saw is kept). */
    public void visit(String boardId, long version, String user) {
        Board board = access.require(boardId, user, BoardRole.VIEWER).board();
        if (version < 0 || version > board.version()) {
            throw new InvalidInputException("version", "version is a version of this board: 0 to " + board.version());
        }
        BoardVisit visit = em.find(BoardVisit.class, new BoardVisit.Key(board.id(), user));
        if (visit == null) {
            em.persist(new BoardVisit(board.id(), user, version, now()));
        } else {
            visit.saw(version, now());
        }
    }

    // ---- removed shapes

    /** The shapes removed now, newest removal first, each with its last live state. */
    public List<Removal> removed(String boardId, String user, int limit) {
        access.require(boardId, user, BoardRole.VIEWER);
        List<Removal> out = new ArrayList<>();
        for (ShapeRecord removal : em.createNamedQuery(ShapeRecord.REMOVALS, ShapeRecord.class)
                .setParameter("board", boardId)
                .setParameter("removed", true)
                .setMaxResults(limit)
                .getResultList()) {
            lastLive(boardId, removal.shapeId()).ifPresent(live -> out.add(new Removal(ShapeState.of(live), removal)));
        }
        return out;
    }

    /**
     * Brings one removed shape back as it last was, without changing anything else: one change of the board. Ends
     * bound to shapes that are not on the board any more are let go (they stay where they were).
     */
    public Recovered recover(String boardId, String shapeId, String user) {
        Board board = store.lock(boardId);
        access.require(boardId, user, BoardRole.EDITOR);
        Shape shape = em.createNamedQuery(Shape.BY_SHAPE_ID, Shape.class)
                .setParameter("board", board.id())
                .setParameter("shape", shapeId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> NotRecoverableException.unknown(shapeId));
        if (!shape.removed()) {
            throw NotRecoverableException.live(shapeId);
        }
        ShapeRecord last = lastLive(board.id(), shapeId).orElseThrow(() -> NotRecoverableException.unknown(shapeId));
        ShapeData data = last.data();
        if (data.kind() == ShapeKind.IMAGE
                && em.createNamedQuery(BoardAsset.EXISTS, String.class)
                        .setParameter("board", board.id())
                        .setParameter("asset", data.asset())
                        .getResultList()
                        .isEmpty()) {
            throw NotRecoverableException.imageGone(shapeId);
        }
        data = data.withConnector(boundToLive(board.id(), data.connector()));
        if (!board.shapeAdded()) {
            throw new BoardFullException();
        }
        long from = board.version();
        OffsetDateTime now = now();
        long version = board.nextVersion(user, now);
        shape.update(data, version, now);
        changes.fire(new BoardChange.ShapesChanged(board.id(), from, version, user, List.of(shape), List.of()));
        return new Recovered(version, shape);
    }

    private Connector boundToLive(String boardId, Connector connector) {
        if (connector == null) {
            return null;
        }
        Connector out = connector;
        for (Binding end : new Binding[] {connector.start(), connector.end()}) {
            if (end != null
                    && em.createNamedQuery(Shape.BY_SHAPE_ID, Shape.class)
                            .setParameter("board", boardId)
                            .setParameter("shape", end.shape())
                            .getResultStream()
                            .noneMatch(s -> !s.removed())) {
                out = out == null ? null : out.without(end.shape());
            }
        }
        return out;
    }

    // ---- activity

    public Activity activity(String boardId, String user, Optional<Long> before, int limit) {
        BoardRole role = access.require(boardId, user, BoardRole.VIEWER).role();
        List<BoardActivity> page = em.createNamedQuery(BoardActivity.OF_BOARD, BoardActivity.class)
                .setParameter("board", boardId)
                .setParameter("before", before.orElse(Long.MAX_VALUE))
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = page.size() > limit;
        return new Activity(more ? page.subList(0, limit) : page, more, role.includes(BoardRole.OWNER));
    }

    /** The whole log, newest first, for its export (owners only). */
    public List<BoardActivity> wholeActivity(String boardId, String user) {
        access.require(boardId, user, BoardRole.OWNER);
        return em.createNamedQuery(BoardActivity.OF_BOARD, BoardActivity.class)
                .setParameter("board", boardId)
                .setParameter("before", Long.MAX_VALUE)
                .getResultList();
    }

    /** Writes an entry of the board's activity log (changes of shapes by one person in a run add up in one). */
    void log(Board board, String user, BoardActivity.Action action, int count, String detail) {
        OffsetDateTime now = now();
        if (action == BoardActivity.Action.CHANGED) {
            Optional<BoardActivity> last = em.createNamedQuery(BoardActivity.OF_BOARD, BoardActivity.class)
                    .setParameter("board", board.id())
                    .setParameter("before", Long.MAX_VALUE)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst();
            if (last.isPresent() && last.get().continuedBy(user, now)) {
                last.get().add(count, now, board.version());
                return;
            }
        }
        em.persist(new BoardActivity(board.id(), now, user, action, count, detail, board.version()));
    }

    // ---- names

    /** The names people see for these user ids. */
    public Map<String, String> names(Set<String> users) {
        Map<String, String> names = new HashMap<>();
        users.forEach(u -> names.put(u, knownUsers.displayName(u)));
        return names;
    }

    // ---- the history's queries

    /**
     * The board's live shapes as they were at {@code version}, lowest first: its shapes now, with those changed since
     * as they were then. The work grows with the board and what changed since, never with the length of its history.
     */
    private List<ShapeState> shapesAt(Board board, BoardVersion version) {
        Map<String, ShapeState> shapes = new HashMap<>();
        for (Shape shape : em.createNamedQuery(Shape.LIVE_ON_BOARD, Shape.class)
                .setParameter("board", board.id())
                .getResultList()) {
            shapes.put(shape.shapeId(), ShapeState.of(shape));
        }
        changedIn(board.id(), version.version(), board.version()).forEach(shapes::remove);
        for (ShapeState then : statesAt(board.id(), version.version(), version.version(), board.version())) {
            if (then.live()) {
                shapes.put(then.shapeId(), then);
            }
        }
        List<ShapeState> out = new ArrayList<>(shapes.values());
        out.sort(Comparator.comparingLong((ShapeState s) -> s.data().z()).thenComparing(ShapeState::shapeId));
        return out;
    }

    /** What changed from board version {@code from} to {@code to} (either way round). */
    private ShapeDiff<ShapeState> diff(String boardId, long from, long to) {
        if (from == to) {
            return new ShapeDiff<>(List.of(), List.of(), List.of());
        }
        long low = Math.min(from, to);
        long high = Math.max(from, to);
        return ShapeDiff.between(
                statesAt(boardId, from, low, high),
                statesAt(boardId, to, low, high),
                ShapeState::shapeId,
                ShapeState::data);
    }

    /** The shapes changed in ({@code from}, {@code to}]: a range of the history's (board, version) index. */
    private List<String> changedIn(String boardId, long from, long to) {
        return em.createNamedQuery(ShapeRecord.CHANGED_IN, String.class)
                .setParameter("board", boardId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /**
     * The shapes changed in ({@code from}, {@code to}] as they were at {@code at} (none for a shape that did not exist
     * then): the changed rows are a range of the (board, version) index, and each shape's state a seek in the
     * primary key, so the work grows with what changed in between, never with the length of the history. (Native
     * SQL: the database starts from the changed shapes; asked as JPQL, H2 started from every row of the board.)
     */
    @SuppressWarnings("unchecked")
    private List<ShapeState> statesAt(String boardId, long at, long from, long to) {
        List<ShapeRecord> rows = em.createNativeQuery(STATES_AT, ShapeRecord.class)
                .setParameter(1, boardId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, boardId)
                .setParameter(5, boardId)
                .setParameter(6, at)
                .getResultList();
        return rows.stream().map(ShapeState::of).toList();
    }

    private Optional<ShapeRecord> lastLive(String boardId, String shapeId) {
        return em.createNamedQuery(ShapeRecord.LAST_LIVE, ShapeRecord.class)
                .setParameter("board", boardId)
                .setParameter("shape", shapeId)
                .setParameter("removed", false)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** What changed from board version {@code from} to {@code to}: counts and who changed shapes. */
    private BoardVersion.Summary summary(String boardId, long from, long to) {
        if (from >= to) {
            return new BoardVersion.Summary(0, 0, 0, List.of());
        }
        ShapeDiff<ShapeState> diff = diff(boardId, from, to);
        List<String> contributors = em.createNamedQuery(ShapeRecord.CONTRIBUTORS, String.class)
                .setParameter("board", boardId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return new BoardVersion.Summary(
                diff.added().size(), diff.changed().size(), diff.removed().size(), List.copyOf(contributors));
    }

    private Optional<BoardVersion> latest(String boardId) {
        return em.createNamedQuery(BoardVersion.OF_BOARD, BoardVersion.class)
                .setParameter("board", boardId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private BoardVersion version(String boardId, String id, String field) {
        BoardVersion version = BoardVersion.isWellFormed(id) ? em.find(BoardVersion.class, id) : null;
        if (version == null || !version.boardId().equals(boardId)) {
            throw new VersionNotFoundException(field, id);
        }
        return version;
    }

    private static Map<String, ShapeState> byId(List<ShapeState> records) {
        Map<String, ShapeState> out = new HashMap<>();
        records.forEach(r -> out.put(r.shapeId(), r));
        return out;
    }

    private boolean mayRestore(BoardRole role) {
        return role.includes(BoardRole.OWNER) || editorsRestore && role.includes(BoardRole.EDITOR);
    }

    static String validLabel(String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty() || trimmed.length() > BoardVersion.MAX_LABEL_LENGTH) {
            throw new InvalidInputException(
                    "label", "a version's label is 1 to " + BoardVersion.MAX_LABEL_LENGTH + " characters");
        }
        return trimmed;
    }

    static String validDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String trimmed = description.strip();
        if (trimmed.length() > BoardVersion.MAX_DESCRIPTION_LENGTH) {
            throw new InvalidInputException(
                    "description",
                    "a version's description is at most " + BoardVersion.MAX_DESCRIPTION_LENGTH + " characters");
        }
        return trimmed;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
