package io.kalamdb.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeIdGeneratorTest {
    private static final long T = Instant.parse("2025-06-01T12:00:00Z").toEpochMilli();

    @Test
    void idsAreUniqueAndIncreasingPerThreadUnderContention() throws Exception {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(7);
        int threads = 8;
        int perThread = 12_500;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<long[]> task = () -> {
                    start.await();
                    long[] ids = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        ids[i] = generator.nextId();
                    }
                    return ids;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            Set<Long> all = new HashSet<>();
            for (Future<long[]> future : futures) {
                long[] ids = future.get();
                for (int i = 0; i < ids.length; i++) {
                    if (i > 0) {
                        assertTrue(ids[i] > ids[i - 1], "thread's ids must strictly increase");
                    }
                    assertEquals(7, SnowflakeIdGenerator.nodeId(ids[i]));
                    all.add(ids[i]);
                }
            }
            assertEquals(threads * perThread, all.size(), "no duplicates");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clockGoingBackwardsKeepsTheLastTimestamp() {
        AtomicLong clock = new AtomicLong(T);
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(1, clock::get);
        long first = generator.nextId();
        clock.set(T - 5_000);
        long second = generator.nextId();

        assertTrue(second > first);
        assertEquals(T, SnowflakeIdGenerator.timestampMillis(second));
        assertEquals(0, SnowflakeIdGenerator.sequence(first));
        assertEquals(1, SnowflakeIdGenerator.sequence(second));

        clock.set(T + 1);
        long third = generator.nextId();
        assertEquals(T + 1, SnowflakeIdGenerator.timestampMillis(third));
        assertEquals(0, SnowflakeIdGenerator.sequence(third));
    }

    @Test
    void sequenceOverflowBorrowsTheNextMillisecond() {
        AtomicLong clock = new AtomicLong(T);
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(3, clock::get);
        long previous = -1;
        for (int i = 0; i < 4096; i++) {
            long id = generator.nextId();
            assertEquals(T, SnowflakeIdGenerator.timestampMillis(id));
            assertEquals(i, SnowflakeIdGenerator.sequence(id));
            assertTrue(id > previous);
            previous = id;
        }
        long borrowed = generator.nextId();
        assertTrue(borrowed > previous);
        assertEquals(T + 1, SnowflakeIdGenerator.timestampMillis(borrowed));
        assertEquals(0, SnowflakeIdGenerator.sequence(borrowed));
        assertEquals(3, SnowflakeIdGenerator.nodeId(borrowed));

        clock.set(T + 1);
        long caughtUp = generator.nextId();
        assertEquals(T + 1, SnowflakeIdGenerator.timestampMillis(caughtUp));
        assertEquals(1, SnowflakeIdGenerator.sequence(caughtUp));
    }

    @Test
    void decodeHelpersRoundTripTheLayout() {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(1023, () -> T);
        generator.nextId();
        long id = generator.nextId();

        assertEquals(T, SnowflakeIdGenerator.timestampMillis(id));
        assertEquals(1023, SnowflakeIdGenerator.nodeId(id));
        assertEquals(1, SnowflakeIdGenerator.sequence(id));
        long expected = (T - SnowflakeIdGenerator.EPOCH_MILLIS) << 22 | 1023L << 12 | 1;
        assertEquals(expected, id);
        assertTrue(id > 0);
    }

    @Test
    void epochIsTheStartOf2024() {
        assertEquals(1_704_067_200_000L, SnowflakeIdGenerator.EPOCH_MILLIS);
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(0, () -> SnowflakeIdGenerator.EPOCH_MILLIS);
        assertEquals(0L, generator.nextId());
        assertEquals(1L, generator.nextId());
    }

    @Test
    void nodeIdMustFitTenBits() {
        assertThrows(IllegalArgumentException.class, () -> new SnowflakeIdGenerator(-1));
        assertThrows(IllegalArgumentException.class, () -> new SnowflakeIdGenerator(1024));
        assertEquals(0, SnowflakeIdGenerator.nodeId(new SnowflakeIdGenerator(0).nextId()));
        assertEquals(1023, SnowflakeIdGenerator.nodeId(new SnowflakeIdGenerator(1023).nextId()));
    }

    @Test
    void observedIdFromTheFutureIsExceededAfterRestart() {
        long onDisk = new SnowflakeIdGenerator(5, () -> T + 60_000).nextId();
        SnowflakeIdGenerator restarted = new SnowflakeIdGenerator(5, () -> T);
        restarted.observe(onDisk);

        long next = restarted.nextId();
        assertTrue(next > onDisk);
        assertEquals(T + 60_000, SnowflakeIdGenerator.timestampMillis(next));
        assertEquals(1, SnowflakeIdGenerator.sequence(next));
    }

    @Test
    void observedIdFromAnotherNodeIsExceeded() {
        SnowflakeIdGenerator higherNode = new SnowflakeIdGenerator(9, () -> T);
        long fromHigherNode = higherNode.nextId();
        SnowflakeIdGenerator lowNode = new SnowflakeIdGenerator(2, () -> T);
        lowNode.observe(fromHigherNode);
        long afterHigher = lowNode.nextId();
        assertTrue(afterHigher > fromHigherNode);
        assertEquals(T + 1, SnowflakeIdGenerator.timestampMillis(afterHigher));

        SnowflakeIdGenerator lowerNode = new SnowflakeIdGenerator(1, () -> T);
        long fromLowerNode = lowerNode.nextId();
        SnowflakeIdGenerator highNode = new SnowflakeIdGenerator(4, () -> T);
        highNode.observe(fromLowerNode);
        long afterLower = highNode.nextId();
        assertTrue(afterLower > fromLowerNode);
        assertEquals(T, SnowflakeIdGenerator.timestampMillis(afterLower));
        assertEquals(0, SnowflakeIdGenerator.sequence(afterLower));
    }

    @Test
    void observingAnOlderIdChangesNothing() {
        AtomicLong clock = new AtomicLong(T);
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(5, clock::get);
        long first = generator.nextId();
        generator.observe(first - (1000L << 22));
        long second = generator.nextId();
        assertEquals(first + 1, second);
    }
}
