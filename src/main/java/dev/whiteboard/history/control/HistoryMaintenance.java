package dev.whiteboard.history.control;

import dev.whiteboard.history.entity.BoardVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The queries of the history's periodic work ({@link Checkpoints}), each in a transaction of its own: which boards
 * are due a checkpoint, which have versions past the retention time, and the pruning of the shape history.
 */
@ApplicationScoped
@Transactional
public class HistoryMaintenance {

    /** The board's latest version, 0 when it has none (a subquery on board b). */
    private static final String LAST =
            "COALESCE((SELECT MAX(v.version) FROM board_versions v WHERE v.board_id = b.id)," + " 0)";

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    BackgroundHistory backgrounds;

    /** Boards changed since their latest version, last changed before {@code quietSince}, with nobody on them. */
    @SuppressWarnings("unchecked")
    public List<String> everybodyLeft(OffsetDateTime quietSince, int limit) {
        return em.createNativeQuery("SELECT b.id FROM boards b WHERE b.deleted_at IS NULL AND b.version > " + LAST
                        + " AND b.changed_at <= ? AND NOT EXISTS (SELECT 1 FROM presence_connections p WHERE"
                        + " p.board_id = b.id) ORDER BY b.changed_at")
                .setParameter(1, quietSince)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Boards whose first change of shapes since their latest version was made before {@code since}. */
    @SuppressWarnings("unchecked")
    public List<String> changedFor(OffsetDateTime since, int limit) {
        return em.createNativeQuery("SELECT b.id FROM boards b WHERE b.deleted_at IS NULL AND b.version > " + LAST
                        + " AND (SELECT MIN(h.changed_at) FROM shape_history h WHERE h.board_id = b.id AND h.version > "
                        + LAST + ") <= ? ORDER BY b.changed_at")
                .setParameter(1, since)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Who changed the board last (an automatic version is taken in their name). */
    public String lastChangedBy(String boardId) {
        return em.createQuery("SELECT b.changedBy FROM Board b WHERE b.id = :board", String.class)
                .setParameter("board", boardId)
                .getResultStream()
                .findFirst()
                .orElse("whiteboard");
    }

    /** Boards with automatic versions taken before {@code cutoff}. */
    public List<String> withExpiredVersions(OffsetDateTime cutoff, int limit) {
        return em.createQuery(
                        "SELECT DISTINCT v.boardId FROM BoardVersion v WHERE v.kind = :kind AND v.createdAt < :cutoff",
                        String.class)
                .setParameter("kind", BoardVersion.Kind.AUTOMATIC)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }

    public int deleteExpiredVersions(String boardId, OffsetDateTime cutoff) {
        return em.createQuery("DELETE FROM BoardVersion v WHERE v.boardId = :board AND v.kind = :kind AND"
                        + " v.createdAt < :cutoff")
                .setParameter("board", boardId)
                .setParameter("kind", BoardVersion.Kind.AUTOMATIC)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** Forgets the board's background images that no version names any more (after its expired ones went). */
    public int forgetUnnamedBackgrounds(String boardId) {
        return backgrounds.forgetUnnamed(boardId);
    }

    /** Boards with shape history written in [{@code from}, {@code to}). */
    @SuppressWarnings("unchecked")
    public List<String> changedBetween(OffsetDateTime from, OffsetDateTime to, int limit) {
        return em.createNativeQuery(
                        "SELECT DISTINCT h.board_id FROM shape_history h WHERE h.changed_at >= ? AND h.changed_at < ?")
                .setParameter(1, from)
                .setParameter(2, to)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Prunes the board's shape history before the point it must keep: its oldest version, or what it was at {@code
     * cutoff} when that is older (nobody asks for the board as it was before the retention time, but for a version
     * kept). Before that point each shape keeps only its latest row, and none if that one says removed. Returns how
     * many rows it deleted.
     */
    public int pruneShapes(String boardId, OffsetDateTime cutoff) {
        Long oldest = em.createNamedQuery(BoardVersion.OLDEST_VERSION, Long.class)
                .setParameter("board", boardId)
                .getSingleResult();
        Number atCutoff = (Number) em.createNativeQuery(
                        "SELECT MAX(h.version) FROM shape_history h WHERE h.board_id = ? AND h.changed_at < ?")
                .setParameter(1, boardId)
                .setParameter(2, cutoff)
                .getSingleResult();
        if (atCutoff == null) {
            return 0;
        }
        long keep = oldest == null ? atCutoff.longValue() : Math.min(oldest, atCutoff.longValue());
        int superseded = em.createNativeQuery("DELETE FROM shape_history WHERE board_id = ? AND version < ? AND EXISTS"
                        + " (SELECT 1 FROM shape_history n WHERE n.board_id = shape_history.board_id AND n.shape_id ="
                        + " shape_history.shape_id AND n.version > shape_history.version AND n.version <= ?)")
                .setParameter(1, boardId)
                .setParameter(2, keep)
                .setParameter(3, keep)
                .executeUpdate();
        int removed = em.createNativeQuery("DELETE FROM shape_history WHERE board_id = ? AND version <= ? AND removed ="
                        + " ? AND NOT EXISTS (SELECT 1 FROM shape_history n WHERE n.board_id = shape_history.board_id"
                        + " AND n.shape_id = shape_history.shape_id AND n.version < shape_history.version)")
                .setParameter(1, boardId)
                .setParameter(2, keep)
                .setParameter(3, true)
                .executeUpdate();
        return superseded + removed;
    }
}
