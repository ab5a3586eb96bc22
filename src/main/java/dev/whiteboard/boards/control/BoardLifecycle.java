package dev.whiteboard.boards.control;

import dev.whiteboard.boards.entity.Board;
import dev.whiteboard.boards.entity.BoardRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A board's life, each step with its permission check in one transaction: listed (with search, sections and order),
 * renamed, duplicated, starred, moved to the trash, restored, purged. Owners rename, trash, restore and purge; anyone
 * who may view a board duplicates and stars it. A board in the trash is there for its owners only: to everyone else
 * (and to every call but reading, restoring and purging it) it does not exist, so its open connections are closed
 * ({@link BoardTrashed}) and its chat waits with it.
 */
@ApplicationScoped
@Transactional
public class BoardLifecycle {

    @Inject
    BoardAccess access;

    @Inject
    BoardStore store;

    /** A board in a list, with the caller's role on it and whether the caller starred it. */
    public record Listed(Board board, BoardRole role, boolean starred) {}

    /** A page of the boards the query asks for, as {@code user} sees them. */
    public List<Listed> list(BoardQuery query, String user) {
        boolean trash = query.filter() == BoardQuery.Filter.TRASH;
        boolean everyBoard = trash ? access.administers(user) : access.seesEveryBoard(user);
        List<Board> boards = store.list(query, access.grantees(user), everyBoard);
        Map<String, BoardRole> roles = trash ? access.rolesEvenInTrash(boards, user) : access.roles(boards, user);
        Set<String> starred = store.starred(boards, user);
        return boards.stream()
                .filter(b -> roles.containsKey(b.id()))
                .map(b -> new Listed(b, roles.get(b.id()), starred.contains(b.id())))
                .toList();
    }

    /** One board as the caller sees it (owners also see it in the trash). */
    public Listed read(String boardId, String user) {
        BoardAccess.Allowed allowed = access.requireEvenInTrash(boardId, user, BoardRole.VIEWER);
        return listed(allowed.board(), allowed.role(), user);
    }

    /** A new board, its creator its owner. */
    public Listed create(String title, String user) {
        return new Listed(store.create(title, user), BoardRole.OWNER, false);
    }

    public Listed rename(String boardId, String title, String user) {
        BoardAccess.Allowed owner = access.require(boardId, user, BoardRole.OWNER);
        return listed(store.rename(boardId, title, user), owner.role(), user);
    }

    /** A copy of a board the caller may view, owned by the caller. */
    public Listed duplicate(String boardId, Optional<String> title, String user) {
        access.require(boardId, user, BoardRole.VIEWER);
        return new Listed(store.duplicate(boardId, title, user), BoardRole.OWNER, false);
    }

    public void star(String boardId, String user, boolean starred) {
        access.require(boardId, user, BoardRole.VIEWER);
        store.star(boardId, user, starred);
    }

    /** Moves the board to the trash (owners; again: nothing changes). */
    public void trash(String boardId, String user) {
        access.requireEvenInTrash(boardId, user, BoardRole.OWNER);
        store.trash(boardId, user);
    }

    /** Brings the board back from the trash (owners); 409 when it is not there. */
    public Listed restore(String boardId, String user) {
        BoardAccess.Allowed owner = access.requireEvenInTrash(boardId, user, BoardRole.OWNER);
        return listed(store.restore(boardId), owner.role(), user);
    }

    /** Deletes a board in the trash for good (owners); 409 when it is not in the trash. */
    public void purge(String boardId, String user) {
        access.requireEvenInTrash(boardId, user, BoardRole.OWNER);
        store.purge(boardId);
    }

    private Listed listed(Board board, BoardRole role, String user) {
        return new Listed(board, role, store.starred(List.of(board), user).contains(board.id()));
    }
}
