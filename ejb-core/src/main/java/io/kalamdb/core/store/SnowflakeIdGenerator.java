package io.kalamdb.core.store;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Generates 64-bit Snowflake ids, the values of the {@code _seq} system column (DESIGN.md §1).
 *
 * <p>Layout (Twitter Snowflake, most significant bit first):
 * <pre>
 *  0 | 41 bits: milliseconds since 2024-01-01T00:00:00Z | 10 bits: node id | 12 bits: sequence
 * </pre>
 * The sign bit is always 0, so ids are positive and sort numerically in generation order; the timestamp
 * field lasts about 69 years from the epoch.
 *
 * <p>Ids from one generator are strictly increasing. If the wall clock goes backwards the generator keeps
 * the last timestamp it used; if more than 4,096 ids are needed within one millisecond it borrows the
 * next millisecond. Thread-safe and lock-free: the state is one {@link AtomicLong}.
 */
public final class SnowflakeIdGenerator {
    /** The custom epoch, 2024-01-01T00:00:00Z, in Unix epoch milliseconds. */
    public static final long EPOCH_MILLIS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** Highest valid node id (10 bits). */
    public static final int MAX_NODE_ID = (1 << 10) - 1;

    private static final int SEQUENCE_BITS = 12;
    private static final int NODE_BITS = 10;
    private static final int TIMESTAMP_SHIFT = SEQUENCE_BITS + NODE_BITS;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final long MAX_TIMESTAMP = (1L << 41) - 1;

    private final int nodeId;
    private final LongSupplier clock;
    /**
     * The last issued id without its node bits: {@code timestamp << 12 | sequence}, or -1 before the first
     * id. Incrementing it advances the sequence and carries into the timestamp on overflow.
     */
    private final AtomicLong last = new AtomicLong(-1);

    /**
     * A generator on the system clock.
     *
     * @param nodeId this node's id, 0..1023
     * @throws IllegalArgumentException if {@code nodeId} is out of range
     */
    public SnowflakeIdGenerator(int nodeId) {
        this(nodeId, System::currentTimeMillis);
    }

    /**
     * A generator on the given clock (for tests).
     *
     * @param nodeId this node's id, 0..1023
     * @param clock  current time in Unix epoch milliseconds
     * @throws IllegalArgumentException if {@code nodeId} is out of range
     */
    SnowflakeIdGenerator(int nodeId, LongSupplier clock) {
        if (nodeId < 0 || nodeId > MAX_NODE_ID) {
            throw new IllegalArgumentException("Snowflake node id must be 0.." + MAX_NODE_ID + ": " + nodeId);
        }
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /**
     * @return the next id, greater than every id this generator issued or {@linkplain #observe observed}
     * @throws IllegalStateException if the 41-bit timestamp field is exhausted (after about 2093)
     */
    public long nextId() {
        long now = (clock.getAsLong() - EPOCH_MILLIS) << SEQUENCE_BITS;
        long counter = last.accumulateAndGet(now, (previous, candidate) -> Math.max(candidate, previous + 1));
        long timestamp = counter >>> SEQUENCE_BITS;
        if (timestamp > MAX_TIMESTAMP) {
            throw new IllegalStateException("Snowflake timestamp field exhausted");
        }
        return timestamp << TIMESTAMP_SHIFT | (long) nodeId << SEQUENCE_BITS | counter & SEQUENCE_MASK;
    }

    /**
     * Makes every later {@link #nextId()} greater than {@code id}, e.g. the highest {@code _seq} found on
     * disk at start-up, so ids stay increasing across a restart even if the clock went backwards.
     * Ids from other node ids are handled too. Has no effect if later ids are greater already.
     *
     * @param id a Snowflake id
     */
    public void observe(long id) {
        long counter = id >>> TIMESTAMP_SHIFT << SEQUENCE_BITS | sequence(id);
        int otherNode = nodeId(id);
        long floor;
        if (otherNode > nodeId) {
            floor = counter | SEQUENCE_MASK;
        } else if (otherNode == nodeId) {
            floor = counter;
        } else {
            floor = counter - 1;
        }
        last.accumulateAndGet(floor, Math::max);
    }

    /**
     * @param id a Snowflake id
     * @return the time the id was generated, in Unix epoch milliseconds
     */
    public static long timestampMillis(long id) {
        return (id >>> TIMESTAMP_SHIFT) + EPOCH_MILLIS;
    }

    /**
     * @param epochMillis a time, Unix epoch milliseconds
     * @return the smallest id any node can generate at or after that time (0 before the custom epoch): ids
     *         below it are older
     */
    public static long firstIdAt(long epochMillis) {
        return Math.max(0, epochMillis - EPOCH_MILLIS) << TIMESTAMP_SHIFT;
    }

    /**
     * @param id a Snowflake id
     * @return the node id field, 0..1023
     */
    public static int nodeId(long id) {
        return (int) (id >>> SEQUENCE_BITS & MAX_NODE_ID);
    }

    /**
     * @param id a Snowflake id
     * @return the sequence field, 0..4095
     */
    public static int sequence(long id) {
        return (int) (id & SEQUENCE_MASK);
    }
}
