package dev.whiteboard.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    private static final long WINDOW = 600_000_000_000L;

    @Test
    void anIdIsTakenOnceWithinTheWindow() {
        RecentIds ids = new RecentIds(WINDOW, 100);
        assertTrue(ids.take("1", 0));
        assertTrue(ids.take("2", 1));
        assertFalse(ids.take("1", WINDOW - 1), "a replay within the window");
        assertTrue(ids.take("1", WINDOW + 1), "after the window it is forgotten");
    }

    @Test
    void aReleasedIdMayComeAgain() {
        RecentIds ids = new RecentIds(WINDOW, 100);
        assertTrue(ids.take("7", 0));
        ids.release("7");
        assertTrue(ids.take("7", 1), "a retry of a failed event");
        assertFalse(ids.take("7", 2));
    }

    @Test
    void theOldestIdsAreForgottenBeyondTheCapacity() {
        RecentIds ids = new RecentIds(WINDOW, 3);
        for (int i = 1; i <= 4; i++) {
            assertTrue(ids.take(String.valueOf(i), i));
        }
        assertTrue(ids.take("1", 5), "forgotten: the memory per connection is bounded");
        assertFalse(ids.take("4", 6));
    }
}
