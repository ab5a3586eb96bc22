package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.BoardAsset;
import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.TooLargeException;
import dev.whiteboard.images.ImageInspector;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A board's image assets, each public method one transaction with its permission check: editors upload (the board's
 * row locked, as for every change of the board, so its count of assets and the clean-up agree), viewers read. The
 * limits are settings: bytes per image ({@code whiteboard.assets.max-bytes}, 10 MiB), pixels per image over all frames
 * ({@code whiteboard.assets.max-pixels}, 40 million) and assets per board ({@code whiteboard.assets.max-per-board},
 * 1,000); over them the upload is refused as too large (413), and bytes that are not exactly one PNG, JPEG, GIF or
 * WebP as unsupported (415, {@link ImageInspector}).
 */
@ApplicationScoped
@Transactional
public class AssetStore {

    /**
     * Unused assets: uploaded (last) before the cutoff, and no shape of the board shows one, or showed it when it was
     * removed after the cutoff (an undo brings such a shape back), and no state of a shape in the version history shows
     * it (a restore or a recovery brings it back; the history's rows go with its retention time). Native SQL (portable): EclipseLink binds a boolean
     * inside a JPQL subquery as 0, which H2 refuses to compare with a BOOLEAN column. 1, 2: the cutoff.
     */
    private static final String UNUSED = "FROM board_assets a WHERE a.uploaded_at < ? AND NOT EXISTS (SELECT 1 FROM"
            + " shapes s WHERE s.board_id = a.board_id AND s.asset_id = a.asset_id AND (s.removed = FALSE OR"
            + " s.updated_at >= ?)) AND NOT EXISTS (SELECT 1 FROM shape_history h WHERE h.board_id = a.board_id AND"
            + " h.asset_id = a.asset_id)";

    @PersistenceContext(unitName = "whiteboard")
    EntityManager em;

    @Inject
    BoardStore boards;

    @Inject
    BoardAccess access;

    @Inject
    @ConfigProperty(name = "whiteboard.assets.max-bytes", defaultValue = "10485760")
    int maxBytes;

    @Inject
    @ConfigProperty(name = "whiteboard.assets.max-pixels", defaultValue = "40000000")
    long maxPixels;

    @Inject
    @ConfigProperty(name = "whiteboard.assets.max-per-board", defaultValue = "1000")
    int maxPerBoard;

    /** The most bytes {@code whiteboard.assets.max-bytes} may allow: a body is held in memory while it is checked. */
    static final int MAX_BYTES_SETTING = 256 * 1024 * 1024;

    /** Refuses settings that make no sense, when the store is first used (the clean-up uses it a minute after start). */
    @PostConstruct
    void checkSettings() {
        if (maxBytes < 1 || maxBytes > MAX_BYTES_SETTING) {
            throw new IllegalArgumentException(
                    "whiteboard.assets.max-bytes must be 1 to " + MAX_BYTES_SETTING + ", not " + maxBytes);
        }
        if (maxPixels < 1 || maxPerBoard < 1) {
            throw new IllegalArgumentException(
                    "whiteboard.assets.max-pixels and whiteboard.assets.max-per-board must be 1 or more");
        }
    }

    /** An asset after an upload, and whether the upload added it (or the board had those bytes already). */
    public record Uploaded(BoardAsset asset, boolean created) {}

    /** The most bytes one image may have. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Stores the image as an asset of the board (editors); the same bytes again are the same asset. */
    public Uploaded upload(String boardId, byte[] content, String user) {
        boards.lock(boardId);
        access.require(boardId, user, BoardRole.EDITOR);
        ImageInspector.Image image = ImageInspector.inspect(content, maxPixels);
        OffsetDateTime now = now();
        BoardAsset existing = em.find(BoardAsset.class, new BoardAsset.Key(boardId, BoardAsset.idOf(content)));
        if (existing != null) {
            existing.uploadedAgain(user, now);
            return new Uploaded(existing, false);
        }
        long count = em.createNamedQuery(BoardAsset.COUNT_ON_BOARD, Long.class)
                .setParameter("board", boardId)
                .getSingleResult();
        if (count >= maxPerBoard) {
            throw new TooLargeException("a board holds at most " + maxPerBoard + " images");
        }
        BoardAsset asset = new BoardAsset(boardId, image, content, user, now);
        em.persist(asset);
        return new Uploaded(asset, true);
    }

    /** The asset, for anyone who may view the board (its owners also while it is in the trash). */
    public BoardAsset read(String boardId, String assetId, String user) {
        access.requireEvenInTrash(boardId, user, BoardRole.VIEWER);
        BoardAsset asset = BoardAsset.isWellFormed(assetId)
                ? em.find(BoardAsset.class, new BoardAsset.Key(boardId, assetId))
                : null;
        if (asset == null) {
            throw new AssetNotFoundException(boardId);
        }
        return asset;
    }

    /** Board and asset ids of (at most {@code limit}) assets unused since {@code cutoff}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> unusedSince(OffsetDateTime cutoff, int limit) {
        return em.createNativeQuery("SELECT a.board_id, a.asset_id " + UNUSED + " ORDER BY a.uploaded_at")
                .setParameter(1, cutoff)
                .setParameter(2, cutoff)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Deletes the asset if it is still unused since {@code cutoff}, checked under the board's lock (a shape put
     * meanwhile keeps it); whether it did.
     */
    public boolean deleteIfUnused(String boardId, String assetId, OffsetDateTime cutoff) {
        if (boards.find(boardId).isEmpty()) {
            return false;
        }
        boards.lock(boardId);
        boolean unused = !em.createNativeQuery("SELECT a.asset_id " + UNUSED + " AND a.board_id = ? AND a.asset_id = ?")
                .setParameter(1, cutoff)
                .setParameter(2, cutoff)
                .setParameter(3, boardId)
                .setParameter(4, assetId)
                .getResultList()
                .isEmpty();
        if (unused) {
            em.createNamedQuery(BoardAsset.DELETE)
                    .setParameter("board", boardId)
                    .setParameter("asset", assetId)
                    .executeUpdate();
        }
        return unused;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
