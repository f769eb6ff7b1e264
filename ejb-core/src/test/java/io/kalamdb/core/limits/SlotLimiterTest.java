package io.kalamdb.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlotLimiterTest {
    @Test
    void aKeyHoldsAtMostTheMaximumAndReleasedSlotsAreReusable() {
        SlotLimiter<String> limiter = new SlotLimiter<>(2);

        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.2"), "other keys are not affected");
        limiter.release("10.0.0.1");
        assertTrue(limiter.tryAcquire("10.0.0.1"));
        assertEquals(2, limiter.held("10.0.0.1"));
    }

    @Test
    void releasingTheLastSlotForgetsTheKey() {
        SlotLimiter<String> limiter = new SlotLimiter<>(1);
        limiter.tryAcquire("a");
        limiter.release("a");
        limiter.release("a");

        assertEquals(0, limiter.held("a"));
        assertTrue(limiter.tryAcquire("a"));
    }

    @Test
    void zeroTurnsTheLimitOff() {
        SlotLimiter<String> limiter = new SlotLimiter<>(0);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(limiter.tryAcquire("a"));
        }
    }
}
