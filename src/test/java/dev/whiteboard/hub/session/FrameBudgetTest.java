package dev.whiteboard.hub.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budget on a clock of the test's own: no test here depends on how fast the machine is. */
class FrameBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstOfTwoSecondsPassesAndMoreDoesNot() {
        FrameBudget budget = new FrameBudget(100, now::get);
        assertEquals(200, takeAll(budget));
        assertFalse(budget.take());
    }

    @Test
    void theBudgetRefillsAtItsRateUpToTwoSecondsWorth() {
        FrameBudget budget = new FrameBudget(1_000, now::get);
        takeAll(budget);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
        assertEquals(50, takeAll(budget), "50 ms at 1,000 per second");
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertEquals(2_000, takeAll(budget), "a minute of silence still allows only two seconds' worth");
    }

    @Test
    void aSteadySenderWithinItsRateIsNeverRefused() {
        FrameBudget budget = new FrameBudget(200, now::get);
        for (int i = 0; i < 10_000; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(5)); // exactly 200 per second
            assertTrue(budget.take(), "frame " + i);
        }
    }

    private static int takeAll(FrameBudget budget) {
        int taken = 0;
        while (budget.take()) {
            taken++;
            if (taken > 100_000) {
                break;
            }
        }
        return taken;
    }
}
