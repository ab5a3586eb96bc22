package dev.whiteboard.boards.control;

import static dev.whiteboard.boards.entity.BoardRole.EDITOR;
import static dev.whiteboard.boards.entity.BoardRole.OWNER;
import static dev.whiteboard.boards.entity.BoardRole.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.boards.entity.BoardRole;
import dev.whiteboard.errors.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleRuleTest {

    private static final RoleRule OPEN = RoleRule.fromSetting("editor");
    private static final RoleRule PRIVATE = RoleRule.fromSetting("none");

    @Test
    void theCreatorOwnsTheBoardWhateverElseIsGranted() {
        for (RoleRule rule : List.of(OPEN, PRIVATE, RoleRule.fromSetting("viewer"))) {
            assertEquals(Optional.of(OWNER), rule.decide("alice", "alice", false, List.of()));
            assertEquals(Optional.of(OWNER), rule.decide("alice", "alice", false, List.of(VIEWER)));
        }
    }

    @Test
    void aBoardSharedByLinkGivesAnyoneAtLeastTheLinksRoleAndNeverLowersAGrant() {
        Optional<BoardRole> view = Optional.of(VIEWER);
        Optional<BoardRole> edit = Optional.of(EDITOR);
        assertEquals(Optional.empty(), PRIVATE.decide("alice", "carol", false, List.of(), Optional.empty()));
        assertEquals(view, PRIVATE.decide("alice", "carol", false, List.of(), view));
        assertEquals(edit, PRIVATE.decide("alice", "carol", false, List.of(), edit));
        assertEquals(edit, PRIVATE.decide("alice", "bob", false, List.of(EDITOR), view));
        assertEquals(Optional.of(OWNER), PRIVATE.decide("alice", "bob", false, List.of(OWNER), edit));
        assertEquals(edit, RoleRule.fromSetting("viewer").decide("alice", "carol", false, List.of(), edit));
        assertEquals(Optional.of(OWNER), PRIVATE.decide("alice", "alice", false, List.of(), view));
    }

    @Test
    void anAdministratorOwnsEveryBoardEvenAPrivateOneWithoutAGrant() {
        assertEquals(Optional.of(OWNER), PRIVATE.decide("alice", "erin", true, List.of()));
        assertEquals(Optional.of(OWNER), OPEN.decide("alice", "erin", true, List.of(VIEWER)));
    }

    @Test
    void theHighestOfTheUsersAndTheGroupsGrantsCounts() {
        assertEquals(Optional.of(EDITOR), PRIVATE.decide("alice", "bob", false, List.of(VIEWER, EDITOR, VIEWER)));
        assertEquals(Optional.of(OWNER), PRIVATE.decide("alice", "bob", false, List.of(OWNER, VIEWER)));
        assertEquals(Optional.of(VIEWER), PRIVATE.decide("alice", "bob", false, List.of(VIEWER)));
    }

    @Test
    void aGrantOverridesTheDefaultRoleAlsoDownwards() {
        assertEquals(Optional.of(VIEWER), OPEN.decide("alice", "bob", false, List.of(VIEWER)));
        assertEquals(Optional.of(OWNER), OPEN.decide("alice", "bob", false, List.of(OWNER)));
    }

    @Test
    void withoutAGrantTheDefaultRoleAppliesAndNoneMeansNoRole() {
        assertEquals(Optional.of(EDITOR), OPEN.decide("alice", "bob", false, List.of()));
        assertEquals(Optional.of(VIEWER), RoleRule.fromSetting(" Viewer ").decide("alice", "bob", false, List.of()));
        assertEquals(Optional.empty(), PRIVATE.decide("alice", "bob", false, List.of()));
        assertEquals(Optional.empty(), RoleRule.fromSetting(" NONE ").decide("alice", "bob", false, List.of()));
    }

    @Test
    void aDefaultRoleThatIsNoRoleIsRefusedAtStart() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RoleRule.fromSetting("admin"));
        assertEquals(Optional.of("whiteboard.boards.default-role"), refused.field());
        assertThrows(InvalidInputException.class, () -> RoleRule.fromSetting(""));
    }

    @Test
    void everyoneSeesEveryBoardOnlyWithADefaultRole() {
        assertTrue(OPEN.everyoneSeesEveryBoard());
        assertTrue(RoleRule.fromSetting("viewer").everyoneSeesEveryBoard());
        assertFalse(PRIVATE.everyoneSeesEveryBoard());
    }

    @Test
    void higherIsTheRoleThatIncludesTheOther() {
        for (BoardRole a : BoardRole.values()) {
            for (BoardRole b : BoardRole.values()) {
                BoardRole higher = RoleRule.higher(a, b);
                assertTrue(higher.includes(a) && higher.includes(b), a + ", " + b);
                assertEquals(higher, RoleRule.higher(b, a));
            }
        }
    }
}
