package dev.whiteboard.hub.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.hub.access.Permissions;
import dev.whiteboard.hub.protocol.Subprotocol;
import dev.whiteboard.hub.socket.ClientSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A reliable connection moving between sockets: which socket's loss counts. */
class HubConnectionTest {

    private final ClientSocket first = new ClientSocket();
    private final HubConnection connection = new HubConnection(
            "c1",
            "hub",
            Optional.of("rita"),
            Optional.of(Subprotocol.JSON_RELIABLE),
            new Permissions(List.of()),
            first,
            "token",
            100,
            "");

    @Test
    void theLossOfTheSocketInUseDetachesTheConnection() {
        connection.detachFrom(first);

        assertTrue(connection.detachedAt().isPresent());
    }

    @Test
    void theLossOfASocketTheConnectionWasRecoveredFromChangesNothing() {
        ClientSocket second = new ClientSocket();
        connection.attach(second); // the client came back before the hub noticed the first socket was gone

        connection.detachFrom(first); // ... which it notices now

        assertFalse(connection.detachedAt().isPresent(), "the recovered connection was taken for a lost one");
        assertTrue(connection.uses(second));
    }

    @Test
    void aRecoveryEndsTheWaitOfADetachedConnection() {
        connection.detachFrom(first);

        connection.attach(new ClientSocket());

        assertFalse(connection.detachedAt().isPresent());
    }

    @Test
    void aSocketAbandonedByKeepAliveDetachesTheConnection() {
        connection.abandonSocket("no answer to keep-alive pings");

        assertTrue(connection.detachedAt().isPresent());
        assertTrue(first.isClosed());
    }
}
