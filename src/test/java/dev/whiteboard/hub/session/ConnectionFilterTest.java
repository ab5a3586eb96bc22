package dev.whiteboard.hub.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.hub.access.Permissions;
import dev.whiteboard.hub.protocol.Subprotocol;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionFilterTest {

    private static HubConnection connection(String id, String user, String... groups) {
        HubConnection c = new HubConnection(
                id,
                "hub",
                Optional.ofNullable(user),
                Optional.of(Subprotocol.JSON),
                new Permissions(List.of()),
                null,
                null,
                100,
                "");
        c.groups().addAll(List.of(groups));
        return c;
    }

    private static final HubConnection ALICE = connection("c1", "alice", "board-1", "team");
    private static final HubConnection BOB = connection("c2", "bob", "board-2");
    private static final HubConnection ANONYMOUS = connection("c3", null);

    private static List<String> matching(String filter) {
        Predicate<HubConnection> predicate = ConnectionFilter.parse(filter);
        return List.of(ALICE, BOB, ANONYMOUS).stream()
                .filter(predicate)
                .map(HubConnection::id)
                .toList();
    }

    @Test
    void comparesUsersConnectionsAndGroups() {
        assertEquals(List.of("c1", "c2", "c3"), matching(null));
        assertEquals(List.of("c1"), matching("userId eq 'alice'"));
        assertEquals(List.of("c2", "c3"), matching("userId ne 'alice'"));
        assertEquals(List.of("c2"), matching("connectionId eq 'c2'"));
        assertEquals(List.of("c1", "c3"), matching("connectionId in ('c1', 'c3')"));
        assertEquals(List.of("c1"), matching("'team' in groups"));
    }

    @Test
    void combinesWithAndOrNotAndParentheses() {
        assertEquals(List.of("c1", "c2"), matching("'board-1' in groups or userId eq 'bob'"));
        assertEquals(List.of("c2", "c3"), matching("not('team' in groups)"));
        assertEquals(List.of("c2"), matching("not ('team' in groups) and (userId eq 'bob' or userId eq 'carol')"));
        assertEquals(
                List.of("c1"),
                matching("userId eq 'alice' or userId eq 'bob' and connectionId eq 'c9'"),
                "and binds tighter than or");
    }

    @Test
    void quotesAreDoubledInsideStrings() {
        HubConnection quoted = connection("c4", "o'brien");
        assertTrue(ConnectionFilter.parse("userId eq 'o''brien'").test(quoted));
        assertFalse(ConnectionFilter.parse("userId eq 'obrien'").test(quoted));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "department eq 'sales'",
                "userId gt 'a'",
                "userId eq",
                "userId eq 'open",
                "(userId eq 'a'",
                "userId eq 'a' extra",
                "startswith(userId, 'a')",
                "userId eq 5",
                "userId in ()"
            })
    void refusesWhatItDoesNotSupportWithAClearMessage(String filter) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> ConnectionFilter.parse(filter));
        assertTrue(refused.getMessage().contains("filter"), refused.getMessage());
    }
}
