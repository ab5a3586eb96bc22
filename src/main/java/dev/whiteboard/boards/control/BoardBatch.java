package dev.whiteboard.boards.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The transactions of {@link BoardCommits}: one change, or a group of changes to one board applied in order. */
@ApplicationScoped
public class BoardBatch {

    /** Applies one change in its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BoardUpdate apply(Supplier<BoardUpdate> change) {
        return change.get();
    }

    /** Applies the changes in order, in one transaction: all are committed, or (any one failing) none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<BoardUpdate> applyAll(List<Supplier<BoardUpdate>> changes) {
        List<BoardUpdate> updates = new ArrayList<>(changes.size());
        for (Supplier<BoardUpdate> change : changes) {
            updates.add(change.get());
        }
        return updates;
    }
}
