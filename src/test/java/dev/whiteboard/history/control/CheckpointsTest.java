package dev.whiteboard.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void durationsAreIsoAndAboveZero() {
        assertEquals(Duration.ofMinutes(10), Checkpoints.positive("x", "PT10M"));
        assertEquals(Duration.ofDays(90), Checkpoints.positive("x", " P90D "));
        IllegalArgumentException words = assertThrows(
                IllegalArgumentException.class, () -> Checkpoints.positive("whiteboard.history.retention", "90 days"));
        assertTrue(words.getMessage().contains("whiteboard.history.retention"), words.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.positive("x", "PT0S"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.positive("x", "-PT1M"));
    }

    @Test
    void labelsAndDescriptionsAreTrimmedAndBounded() {
        assertEquals("Draft", History.validLabel("  Draft "));
        assertThrows(RuntimeException.class, () -> History.validLabel(" "));
        assertThrows(RuntimeException.class, () -> History.validLabel(null));
        assertThrows(RuntimeException.class, () -> History.validLabel("x".repeat(101)));
        assertEquals(null, History.validDescription("   "));
        assertEquals("why", History.validDescription(" why "));
        assertThrows(RuntimeException.class, () -> History.validDescription("d".repeat(1001)));
    }
}
