package dev.whiteboard.boards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrashPurgeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    @Test
    void boardsTrashedMoreThanTheKeptDaysAgoAreDue() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertEquals(OffsetDateTime.parse("2026-11-07T04:00:00Z"), TrashPurge.cutoff(clock, TrashPurge.keep(30)));
        assertEquals(OffsetDateTime.parse("2026-12-07T04:00:00Z"), TrashPurge.cutoff(clock, TrashPurge.keep(0)));
    }

    @Test
    void theDaysKeptAreZeroOrMore() {
        assertEquals(Duration.ofDays(30), TrashPurge.keep(30));
        assertEquals(Duration.ZERO, TrashPurge.keep(0));
        assertThrows(IllegalArgumentException.class, () -> TrashPurge.keep(-1));
    }
}
