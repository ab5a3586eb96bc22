package dev.whiteboard.hub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameBudgetTest {

    @Test
    void aBurstOfTwoSecondsPassesAndMoreDoesNot() {
        FrameBudget budget = new FrameBudget(100);
        int taken = 0;
        while (budget.take()) {
            taken++;
            if (taken > 1_000) {
                break;
            }
        }
        assertTrue(taken >= 200 && taken <= 205, "burst of " + taken);
        assertFalse(budget.take());
    }

    @Test
    void theBudgetRefillsOverTime() throws InterruptedException {
        FrameBudget budget = new FrameBudget(1_000);
        while (budget.take()) {
            // empty it
        }
        Thread.sleep(50);
        assertTrue(budget.take(), "50 ms at 1,000 per second refill about 50 frames");
    }
}
