package dev.whiteboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The test stack cleans up after a start that fails half-way: what already runs is stopped, and no process of it
 * outlives the failure (checked among this JVM's child processes, the way {@code ps} would show them).
 */
class StackIT {

    @Test
    void aFailedStartStopsWhatAlreadyRuns() {
        Set<Long> before = children();
        IllegalStateException broken = new IllegalStateException("the class's settings are broken");
        Stack stack = Stack.create().withProvider().withServer("stack-failing", server -> {
            throw broken;
        });

        assertSame(broken, assertThrows(IllegalStateException.class, stack::start));

        assertEquals(
                List.of(),
                Eventually.until(
                        "the provider stopped",
                        Duration.ofSeconds(30),
                        () -> children().stream()
                                .filter(pid -> !before.contains(pid))
                                .toList(),
                        List::isEmpty));
        assertThrows(IllegalStateException.class, stack::provider, "nothing is handed out after a failed start");
    }

    /**
     * A server whose JVM cannot start (an option no JVM knows, through {@code JAVA_TOOL_OPTIONS}, which every JVM
     * reads): the provider started before it is stopped, and the gateway after it is never started.
     */
    @Test
    void aServerThatDoesNotStartTakesTheProviderWithItAndNoGatewayStarts() {
        Set<Long> before = children();
        Stack stack = Stack.create()
                .withProvider()
                .withServer(
                        "stack-not-starting",
                        server -> server.withEnvironment("JAVA_TOOL_OPTIONS", "-XX:+NoSuchOptionForStackIT"))
                .withGateway();

        IllegalStateException failed = assertThrows(IllegalStateException.class, stack::start);
        assertTrue(failed.getMessage().contains("stack-not-starting"), failed::getMessage);

        assertEquals(
                List.of(),
                Eventually.until(
                        "the provider stopped",
                        Duration.ofSeconds(30),
                        () -> children().stream()
                                .filter(pid -> !before.contains(pid))
                                .toList(),
                        List::isEmpty));
        assertThrows(IllegalStateException.class, stack::gateway);
    }

    @Test
    void aGatewayWithoutAServerIsRefusedBeforeAnythingStarts() {
        Set<Long> before = children();
        assertThrows(IllegalStateException.class, Stack.create().withProvider().withGateway()::start);
        assertEquals(before, children());
    }

    private static Set<Long> children() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
