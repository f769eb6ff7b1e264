package io.kalamdb.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private static int granted(RateLimiter<String> limiter, String key, int calls) {
        int n = 0;
        for (int i = 0; i < calls; i++) {
            n += limiter.tryAcquire(key) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aKeyGetsItsBurstAtOnceThenItsRate() {
        RateLimiter<String> limiter = new RateLimiter<>(10, 5, 100, now::get);

        assertEquals(5, granted(limiter, "alice", 20));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));
        assertEquals(3, granted(limiter, "alice", 20), "10 per second refills 3 permits in 300 ms");
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertEquals(5, granted(limiter, "alice", 20), "a long pause refills no more than the burst");
    }

    @Test
    void keysHaveSeparateBuckets() {
        RateLimiter<String> limiter = new RateLimiter<>(1, 2, 100, now::get);

        assertEquals(2, granted(limiter, "alice", 10));
        assertFalse(limiter.tryAcquire("alice"));
        assertTrue(limiter.tryAcquire("bob"), "alice's flood does not touch bob");
    }

    @Test
    void aRateOfZeroTurnsTheLimitOff() {
        RateLimiter<String> limiter = new RateLimiter<>(0, 1, 1, now::get);

        assertFalse(limiter.isEnabled());
        assertEquals(1_000, granted(limiter, "alice", 1_000));
        assertEquals(0, limiter.trackedKeys());
    }

    @Test
    void idleKeysAreDroppedSoMemoryStaysBounded() {
        RateLimiter<String> limiter = new RateLimiter<>(10, 10, 3, now::get);
        for (String k : List.of("a", "b", "c")) {
            limiter.tryAcquire(k);
        }
        assertEquals(3, limiter.trackedKeys());

        assertFalse(limiter.tryAcquire("d"), "all three buckets are busy: a new key waits");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertTrue(limiter.tryAcquire("d"), "after a refill period the idle buckets are swept");
        assertEquals(1, limiter.trackedKeys());
    }

    @Test
    void aForgottenKeyStartsAfresh() {
        RateLimiter<String> limiter = new RateLimiter<>(1, 2, 100, now::get);
        assertEquals(2, granted(limiter, "conn-1", 5));

        limiter.forget("conn-1");

        assertEquals(0, limiter.trackedKeys());
        assertEquals(2, granted(limiter, "conn-1", 5));
    }

    @Test
    void concurrentCallersNeverTakeMoreThanTheBurst() throws Exception {
        RateLimiter<String> limiter = new RateLimiter<>(1, 100, 10, now::get);
        AtomicInteger grantedCount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> grantedCount.addAndGet(granted(limiter, "alice", 1_000))));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, grantedCount.get());
    }
}
