package io.kalamdb.core.sql.function;

import com.github.f4b6a3.ulid.UlidCreator;
import com.github.f4b6a3.uuid.UuidCreator;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import java.util.Objects;

/**
 * The id-generating SQL functions {@code SNOWFLAKE_ID()}, {@code UUID_V7()} and {@code ULID()} (DESIGN.md
 * §4), as static methods for registration as Calcite scalar functions. Usable in {@code DEFAULT},
 * {@code SELECT} and {@code WHERE}; every call returns a new value.
 */
public final class IdFunctions {
    private static volatile SnowflakeIdGenerator snowflake = new SnowflakeIdGenerator(0);

    private IdFunctions() {
    }

    /**
     * Sets the process-wide generator behind {@link #snowflakeId()}; the engine calls this at start-up with
     * the configured node id. Until then a generator with node id 0 is used.
     *
     * @param generator the generator to use from now on
     */
    public static void configure(SnowflakeIdGenerator generator) {
        snowflake = Objects.requireNonNull(generator, "generator");
    }

    /**
     * {@code SNOWFLAKE_ID()}: a 64-bit id in the Twitter Snowflake layout (41-bit milliseconds since
     * 2024-01-01T00:00:00Z, 10-bit node id, 12-bit sequence), see {@link SnowflakeIdGenerator}.
     *
     * @return a positive id, greater than every id this process returned before
     */
    public static long snowflakeId() {
        return snowflake.nextId();
    }

    /**
     * {@code UUID_V7()}: a time-ordered UUID version 7 (RFC 9562 §5.7): 48-bit Unix epoch milliseconds,
     * then random bits, with a counter keeping values from this process in increasing order.
     *
     * @return the canonical 36-character lower-case form, e.g. {@code 01890a5d-ac96-774b-bcce-b302099a8057}
     */
    public static String uuidV7() {
        return UuidCreator.getTimeOrderedEpoch().toString();
    }

    /**
     * {@code ULID()}: a Universally Unique Lexicographically Sortable Identifier (ulid/spec): 48-bit Unix
     * epoch milliseconds and 80 random bits, monotonic within this process (the random part is incremented
     * within one millisecond).
     *
     * @return 26 characters of Crockford base32 ({@code 0-9A-Z} without {@code I L O U}), upper case
     */
    public static String ulid() {
        return UlidCreator.getMonotonicUlid().toString();
    }
}
