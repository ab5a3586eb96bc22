package dev.whiteboard.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The background images the versions of a board name ({@code background_history}): each kept once per board by the
 * ref that names its content, however many versions name it, and forgotten when no version names it any more. The
 * bytes go from the board's background to here by the database ({@code INSERT … SELECT}), never through the app.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BackgroundHistory {

    /** An image kept for a version: its media type and bytes. */
    public record StoredImage(String contentType, byte[] content) {}

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    /** Keeps the board's background image as it is now (flushed), unless it is kept already or there is none. */
    void keep(String boardId) {
        em.flush();
        em.createNativeQuery("INSERT INTO background_history (board_id, ref, content_type, content, size_bytes,"
                        + " uploaded_by, uploaded_at) SELECT b.board_id, b.ref, b.content_type, b.content, b.size_bytes,"
                        + " b.uploaded_by, b.uploaded_at FROM board_backgrounds b WHERE b.board_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM background_history h WHERE h.board_id = b.board_id AND h.ref = b.ref)")
                .setParameter(1, boardId)
                .executeUpdate();
    }

    /** The image kept under {@code ref} for the board. */
    @SuppressWarnings("unchecked")
    public Optional<StoredImage> image(String boardId, String ref) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT content_type, content FROM background_history WHERE board_id = ? AND ref = ?")
                .setParameter(1, boardId)
                .setParameter(2, ref)
                .getResultList();
        return rows.stream().findFirst().map(row -> new StoredImage((String) row[0], (byte[]) row[1]));
    }

    /** Forgets the board's images that no version names any more (flushed first); how many. */
    int forgetUnnamed(String boardId) {
        em.flush();
        return em.createNativeQuery("DELETE FROM background_history WHERE board_id = ? AND NOT EXISTS (SELECT 1 FROM"
                        + " board_versions v WHERE v.board_id = background_history.board_id AND v.background_ref ="
                        + " background_history.ref)")
                .setParameter(1, boardId)
                .executeUpdate();
    }
}
