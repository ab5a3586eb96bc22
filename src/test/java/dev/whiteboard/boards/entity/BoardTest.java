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
        assertEquals(1, board.nextVersion());
        assertEquals(2, board.nextVersion());
        assertEquals(2, board.version());
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
