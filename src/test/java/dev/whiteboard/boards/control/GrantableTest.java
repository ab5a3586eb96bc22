package dev.whiteboard.boards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whiteboard.errors.ErrorKind;
import dev.whiteboard.errors.InvalidInputException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class GrantableTest {

    /** The built-in accounts (sign-in without OpenID Connect): only they may be granted. */
    private static final Predicate<String> BUILT_IN = Set.of("alice", "bob", "carol")::contains;
    /** With OpenID Connect the provider is the directory: anyone well-formed may be granted. */
    private static final Predicate<String> OIDC = user -> true;

    @Test
    void knownUsersAndGroupsMayBeGranted() {
        assertEquals("bob", Grantable.member("bob", "alice", BUILT_IN));
        assertEquals("group:design", Grantable.member("group:design", "alice", BUILT_IN));
        assertEquals("group:Sales EMEA", Grantable.member("group:Sales EMEA", "alice", BUILT_IN));
        assertEquals("dana.o-neil+wb@example.com", Grantable.member("dana.o-neil+wb@example.com", "alice", OIDC));
    }

    @Test
    void anUnknownUserIsRefusedUnlessTheProviderIsTheDirectory() {
        UnknownUserException refused =
                assertThrows(UnknownUserException.class, () -> Grantable.member("mallory", "alice", BUILT_IN));
        assertEquals(ErrorKind.NOT_FOUND, refused.kind());
        assertEquals(Optional.of("user"), refused.field());
        assertEquals("mallory", Grantable.member("mallory", "alice", OIDC), "not seen yet, but the provider knows");
    }

    @Test
    void groupsAreNotLookedUp() {
        assertEquals("group:nobody-knows", Grantable.member("group:nobody-knows", "alice", user -> false));
    }

    @Test
    void theCreatorCannotBeGrantedARole() {
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> Grantable.member("alice", "alice", OIDC));
        assertEquals(Optional.of("user"), refused.field());
    }

    @Test
    void malformedUserIdsAreRefused() {
        for (String user : new String[] {null, "", "a b", "a\nb", "a/b", "a:b", "<script>", "x".repeat(256)}) {
            InvalidInputException refused = assertThrows(
                    InvalidInputException.class, () -> Grantable.member(user, "alice", OIDC), String.valueOf(user));
            assertEquals(Optional.of("user"), refused.field());
        }
        assertEquals("x".repeat(255), Grantable.member("x".repeat(255), "alice", OIDC), "255 characters are fine");
        assertEquals("group", Grantable.member("group", "alice", OIDC), "only the prefix with its colon names a group");
    }

    @Test
    void malformedGroupNamesAreRefused() {
        for (String group : new String[] {"group:", "group:a\tb", "group:a/b", "group:" + "g".repeat(201)}) {
            assertThrows(InvalidInputException.class, () -> Grantable.member(group, "alice", OIDC), group);
        }
        assertEquals("group:" + "g".repeat(200), Grantable.member("group:" + "g".repeat(200), "alice", OIDC));
    }

    @Test
    void lettersOfOtherScriptsAreNames() {
        assertEquals("zoë", Grantable.member("zoë", "alice", OIDC));
        assertEquals("group:デザイン", Grantable.member("group:デザイン", "alice", OIDC));
    }
}
