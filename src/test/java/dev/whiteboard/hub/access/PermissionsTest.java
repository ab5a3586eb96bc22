package dev.whiteboard.hub.access;

import static dev.whiteboard.hub.access.Permissions.Action.JOIN_LEAVE;
import static dev.whiteboard.hub.access.Permissions.Action.SEND;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    @Test
    void noRolesAllowNothing() {
        Permissions none = new Permissions(List.of());
        assertFalse(none.allows(JOIN_LEAVE, "g"));
        assertFalse(none.allows(SEND, "g"));
    }

    @Test
    void plainRolesAllowEveryGroupAndGroupRolesOne() {
        Permissions all = new Permissions(List.of("webpubsub.joinLeaveGroup"));
        assertTrue(all.allows(JOIN_LEAVE, "anything.at.all"));
        assertFalse(all.allows(SEND, "anything"));
        Permissions one = new Permissions(List.of("webpubsub.sendToGroup.board-1"));
        assertTrue(one.allows(SEND, "board-1"));
        assertFalse(one.allows(SEND, "board-10"));
        assertFalse(one.allows(SEND, "Board-1"));
        assertFalse(one.allows(JOIN_LEAVE, "board-1"));
    }

    @Test
    void wildcardsFollowTheServiceRules() {
        Permissions p = new Permissions(List.of(
                "webpubsub.joinLeaveGroups.board-*",
                "webpubsub.sendToGroups.team.?.chat",
                "webpubsub.sendToGroups.org.**",
                "webpubsub.sendToGroups.lit\\*eral"));
        assertTrue(p.allows(JOIN_LEAVE, "board-"));
        assertTrue(p.allows(JOIN_LEAVE, "board-abc"));
        assertFalse(p.allows(JOIN_LEAVE, "board-a.b"), "* does not cross a dot");
        assertTrue(p.allows(SEND, "team.a.chat"));
        assertFalse(p.allows(SEND, "team.ab.chat"));
        assertFalse(p.allows(SEND, "team...chat"));
        assertTrue(p.allows(SEND, "org.a.b.c"));
        assertTrue(p.allows(SEND, "lit*eral"));
        assertFalse(p.allows(SEND, "litXeral"));
        assertFalse(p.allows(JOIN_LEAVE, "team.a.chat"));
    }

    @Test
    void malformedAndGreedyPatternsMatchNothing() {
        assertFalse(Permissions.matches("a\\", "a"));
        assertFalse(Permissions.matches("*.*.*.*.*.*", "a.b.c.d.e.f"));
        assertTrue(Permissions.matches("*.*.*.*.*", "a.b.c.d.e"));
        assertFalse(Permissions.matches("(a|b)", "a"), "regex syntax is literal");
        assertTrue(Permissions.matches("(a|b)", "(a|b)"));
    }

    @Test
    void grantsAndRevokesChangeAllowance() {
        Permissions p = new Permissions(List.of());
        p.grant(SEND, "g1");
        assertTrue(p.allows(SEND, "g1"));
        p.grant(JOIN_LEAVE, null);
        assertTrue(p.allows(JOIN_LEAVE, "any"));
        p.revoke(SEND, "g1");
        assertFalse(p.allows(SEND, "g1"));
    }
}
