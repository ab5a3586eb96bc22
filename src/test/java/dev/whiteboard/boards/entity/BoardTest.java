package dev.whiteboard.boards.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.errors.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoardTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void startsAtVersionZeroAndCountsEachChange() {
        Board board = new Board(BoardId.generate(), "  Sprint review  ", "alice", NOW);
        assertEquals("Sprint review", board.title());
        assertEquals(0, board.version());
        assertEquals(1, board.nextVersion("bob", NOW));
        assertEquals(2, board.nextVersion("bob", NOW));
        assertEquals(2, board.version());
    }

    @Test
    void everyChangeIsRecordedWithWhoAndWhen() {
        Board board = new Board(BoardId.generate(), "Plan", "alice", NOW);
        assertEquals(NOW, board.changedAt());
        assertEquals("alice", board.changedBy());
        board.nextVersion("bob", NOW.plusMinutes(5));
        assertEquals(NOW.plusMinutes(5), board.changedAt());
        assertEquals("bob", board.changedBy());
    }

    @Test
    void renamingFollowsTheTitleRulesAndIsAChange() {
        Board board = new Board(BoardId.generate(), "Plan", "alice", NOW);
        assertTrue(board.rename("  Retro  ", "carol", NOW.plusHours(1)));
        assertEquals("Retro", board.title());
        assertEquals("carol", board.changedBy());
        assertEquals(0, board.version(), "the title is not the content");
        assertFalse(board.rename("Retro", "dave", NOW.plusHours(2)), "the same title changes nothing");
        assertEquals("carol", board.changedBy());
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> board.rename(" ", "a", NOW));
        assertEquals("title", empty.field().orElseThrow());
        assertThrows(
                InvalidInputException.class, () -> board.rename("t".repeat(Limits.MAX_TITLE_LENGTH + 1), "a", NOW));
        assertEquals("Retro", board.title());
    }

    @Test
    void theTrashIsEnteredAndLeftOnce() {
        Board board = new Board(BoardId.generate(), "Plan", "alice", NOW);
        assertFalse(board.inTrash());
        assertFalse(board.restore(), "not in the trash");
        assertTrue(board.trash("alice", NOW.plusDays(1)));
        assertTrue(board.inTrash());
        assertEquals(NOW.plusDays(1), board.deletedAt().orElseThrow());
        assertFalse(board.trash("alice", NOW.plusDays(2)), "moved again: nothing changes");
        assertEquals(NOW.plusDays(1), board.deletedAt().orElseThrow());
        assertTrue(board.restore());
        assertTrue(board.deletedAt().isEmpty());
        assertTrue(board.deletedBy().isEmpty());
    }

    @Test
    void aCopysTitleSaysSoAndStaysWithinTheLimit() {
        assertEquals("Plan (copy)", Board.copyTitle(" Plan "));
        String longest = "t".repeat(Limits.MAX_TITLE_LENGTH);
        String copy = Board.copyTitle(longest);
        assertEquals(Limits.MAX_TITLE_LENGTH, copy.length());
        assertTrue(copy.endsWith(" (copy)"));
        // a surrogate pair at the cut is not split
        String emoji = "t".repeat(Limits.MAX_TITLE_LENGTH - Board.COPY_SUFFIX.length() - 1) + "\uD83D\uDE00xyz";
        String cut = Board.copyTitle(emoji);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - Board.COPY_SUFFIX.length() - 1)), cut);
        assertEquals(cut, Board.validTitle(cut));
    }

    @Test
    void titleIsRequiredBoundedAndPrintable() {
        assertThrows(InvalidInputException.class, () -> new Board(BoardId.generate(), null, "alice", NOW));
        assertThrows(InvalidInputException.class, () -> new Board(BoardId.generate(), " \t ", "alice", NOW));
        new Board(BoardId.generate(), "t".repeat(Limits.MAX_TITLE_LENGTH), "alice", NOW);
        InvalidInputException tooLong = assertThrows(
                InvalidInputException.class,
                () -> new Board(BoardId.generate(), "t".repeat(Limits.MAX_TITLE_LENGTH + 1), "alice", NOW));
        assertEquals("title", tooLong.field().orElseThrow());
        assertThrows(InvalidInputException.class, () -> new Board(BoardId.generate(), "a\u0000b", "alice", NOW));
    }

    @Test
    void backgroundIsShownAndRemoved() {
        Board board = new Board(BoardId.generate(), "b", "alice", NOW);
        assertTrue(board.backgroundRef().isEmpty());
        board.showBackground("abc", "image/png");
        assertEquals("abc", board.backgroundRef().orElseThrow());
        assertEquals("image/png", board.backgroundType().orElseThrow());
        board.removeBackground();
        assertTrue(board.backgroundRef().isEmpty());
        assertTrue(board.backgroundType().isEmpty());
    }

    @Test
    void generatedIdsAreUrlSafeAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = BoardId.generate();
            assertTrue(id.matches("[2-9a-hjkmnp-z]{10}"), id);
            assertTrue(BoardId.isWellFormed(id));
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void malformedIdsAreRecognisedWithoutTheDatabase() {
        assertFalse(BoardId.isWellFormed(null));
        assertFalse(BoardId.isWellFormed(""));
        assertFalse(BoardId.isWellFormed("ABC"));
        assertFalse(BoardId.isWellFormed("a/b"));
        assertFalse(BoardId.isWellFormed("a".repeat(33)));
        assertThrows(IllegalArgumentException.class, () -> new Board("../x", "t", "alice", NOW));
    }

    @Test
    void theCountOfLiveShapesStopsAtTheLimit() {
        Board board = new Board("k3m9x2p7qa", "Full", "alice", NOW);
        for (int i = 0; i < Limits.MAX_SHAPES_PER_BOARD; i++) {
            assertTrue(board.shapeAdded());
        }
        assertFalse(board.shapeAdded(), "one more than the limit is refused");
        assertEquals(Limits.MAX_SHAPES_PER_BOARD, board.liveShapes());
        board.shapeRemoved();
        assertTrue(board.shapeAdded(), "room again after a removal");
        board.cleared();
        assertEquals(0, board.liveShapes());
        board.shapeRemoved();
        assertEquals(0, board.liveShapes(), "never below zero");
    }

    @Test
    void theBackgroundColourIsAColourOrNothing() {
        Board board = new Board("k3m9x2p7qa", "Painted", "alice", NOW);
        board.paintBackground("#FDF6E3");
        assertEquals(Optional.of("#fdf6e3"), board.backgroundColor());
        assertThrows(InvalidInputException.class, () -> board.paintBackground("red; background:url(x)"));
        board.paintBackground(null);
        assertTrue(board.backgroundColor().isEmpty());
    }
}
