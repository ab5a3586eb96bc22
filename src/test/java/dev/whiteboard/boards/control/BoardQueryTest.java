package dev.whiteboard.boards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.InvalidInputException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoardQueryTest {

    private static final BoardAccess.Grantees ALICE =
            new BoardAccess.Grantees("alice", Set.of("alice", "group:design"));

    @Test
    void absentParametersMeanEveryBoardNewestFirst() {
        BoardQuery query = BoardQuery.parse(null, null, null, 0, 100);
        assertEquals(BoardQuery.Filter.ALL, query.filter());
        assertEquals(BoardQuery.Sort.CREATED, query.sort());
        assertTrue(query.text().isEmpty());
        assertEquals(BoardQuery.Filter.ALL, BoardQuery.parse("", "", "", 0, 1).filter());
    }

    @Test
    void badFilterSortOrSearchIsRefusedNamingTheParameter() {
        assertRefused("filter", () -> BoardQuery.parse(null, "everything", null, 0, 10));
        assertRefused("filter", () -> BoardQuery.parse(null, "MINE", null, 0, 10));
        assertRefused("sort", () -> BoardQuery.parse(null, null, "newest", 0, 10));
        assertRefused("q", () -> BoardQuery.parse("x".repeat(121), null, null, 0, 10));
        assertRefused("limit", () -> BoardQuery.parse(null, null, null, 0, 0));
        assertRefused("limit", () -> BoardQuery.parse(null, null, null, 0, 501));
        assertRefused("offset", () -> BoardQuery.parse(null, null, null, -1, 10));
    }

    @Test
    void theMessageListsTheAcceptedValues() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> BoardQuery.parse(null, "x", null, 0, 10));
        assertTrue(e.getMessage().contains("mine, shared, starred, trash"), e.getMessage());
    }

    @Test
    void everySectionAndOrderParses() {
        for (String filter : new String[] {"all", "mine", "shared", "starred", "trash"}) {
            assertEquals(
                    filter, BoardQuery.parse(null, filter, null, 0, 1).filter().wireName());
        }
        for (String sort : new String[] {"created", "changed", "title"}) {
            assertEquals(sort, BoardQuery.parse(null, null, sort, 0, 1).sort().wireName());
        }
    }

    @Test
    void theSearchIsALiteralCaseInsensitiveParameterNeverQueryText() {
        BoardQuery.Jpql jpql =
                BoardQuery.parse("  50%_Off! ", null, null, 0, 10).jpql(ALICE, true);
        assertEquals("%50!%!_off!!%", jpql.parameters().get("pattern"));
        assertFalse(jpql.query().contains("50"), jpql.query());
        assertTrue(jpql.query().contains("LOWER(b.title) LIKE :pattern ESCAPE '!'"), jpql.query());
        assertTrue(BoardQuery.parse("   ", null, null, 0, 10).text().isEmpty(), "blank searches for nothing");
    }

    @Test
    void listsLeaveTheTrashOutAndTheTrashHoldsOnlyItsBoards() {
        assertTrue(query("all", true).query().contains("b.deletedAt IS NULL"));
        assertTrue(query("trash", false).query().contains("b.deletedAt IS NOT NULL"));
        BoardQuery.Jpql trash = query("trash", false);
        assertEquals(BoardRole.OWNER, trash.parameters().get("owner"), "only boards the caller owns");
        assertFalse(query("trash", true).parameters().containsKey("owner"), "an administrator owns every board");
    }

    @Test
    void everyoneSeesEveryBoardOnlyWhereTheRoleAllows() {
        assertEquals(
                Optional.empty(),
                Optional.ofNullable(query("all", true).parameters().get("grantees")));
        assertEquals(ALICE.names(), query("all", false).parameters().get("grantees"));
        assertEquals(ALICE.names(), query("shared", true).parameters().get("grantees"), "shared means granted");
        assertEquals("alice", query("mine", true).parameters().get("user"));
        BoardQuery.Jpql starred = query("starred", true);
        assertTrue(starred.query().contains("BoardStar"), starred.query());
        assertEquals("alice", starred.parameters().get("user"));
    }

    @Test
    void eachOrderEndsWithTheIdSoPagesAreStable() {
        for (BoardQuery.Sort sort : BoardQuery.Sort.values()) {
            String query = BoardQuery.parse(null, null, sort.wireName(), 0, 1)
                    .jpql(ALICE, true)
                    .query();
            assertTrue(query.endsWith(", b.id"), query);
        }
    }

    private static BoardQuery.Jpql query(String filter, boolean everyBoard) {
        return BoardQuery.parse(null, filter, null, 0, 10).jpql(ALICE, everyBoard);
    }

    private static void assertRefused(String field, Runnable parse) {
        InvalidInputException e = assertThrows(InvalidInputException.class, parse::run);
        assertEquals(field, e.field().orElseThrow());
    }
}
