package dev.whiteboard.boards.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The transactions of {@link BoardCommits}: one change, or a group of changes to one board applied in order. */
@ApplicationScoped
public class BoardBatch {

    /** Marks a group's transaction (a {@code TransactionSynchronizationRegistry} resource key). */
    static final String GROUP = BoardBatch.class.getName() + ".group";

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Applies one change in its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BoardUpdate apply(Supplier<BoardUpdate> change) {
        return change.get();
    }

    /**
     * Applies the changes in order, in one transaction: all are committed, or (any one failing) none. The user's role
     * on the board is read once for the group ({@code BoardAccess}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<BoardUpdate> applyAll(List<Supplier<BoardUpdate>> changes) {
        transaction.putResource(GROUP, Boolean.TRUE);
        List<BoardUpdate> updates = new ArrayList<>(changes.size());
        for (Supplier<BoardUpdate> change : changes) {
            updates.add(change.get());
        }
        return updates;
    }
}
