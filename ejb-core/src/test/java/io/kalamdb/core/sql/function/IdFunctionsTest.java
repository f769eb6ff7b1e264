package io.kalamdb.core.sql.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.store.SnowflakeIdGenerator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdFunctionsTest {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @AfterEach
    void restoreDefaultGenerator() {
        IdFunctions.configure(new SnowflakeIdGenerator(0));
    }

    @Test
    void snowflakeIdUsesTheConfiguredNodeAndIncreases() {
        IdFunctions.configure(new SnowflakeIdGenerator(42));
        long before = System.currentTimeMillis();
        long first = IdFunctions.snowflakeId();
        long second = IdFunctions.snowflakeId();
        long after = System.currentTimeMillis();

        assertEquals(42, SnowflakeIdGenerator.nodeId(first));
        assertTrue(second > first);
        long millis = SnowflakeIdGenerator.timestampMillis(first);
        assertTrue(millis >= before && millis <= after, "timestamp " + millis + " not in [" + before + ", " + after + "]");
    }

    @Test
    void uuidV7HasVersionVariantAndCurrentTimestamp() {
        long previousMillis = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String text = IdFunctions.uuidV7();
            assertTrue(seen.add(text), "duplicate " + text);
            long now = System.currentTimeMillis();
            assertTrue(text.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), text);
            UUID uuid = UUID.fromString(text);
            assertEquals(7, uuid.version());
            assertEquals(0b10, uuid.getLeastSignificantBits() >>> 62, "variant bits");
            long unixTsMs = uuid.getMostSignificantBits() >>> 16;
            assertTrue(Math.abs(unixTsMs - now) <= 1_000, "unix_ts_ms " + unixTsMs + " vs now " + now);
            assertTrue(unixTsMs >= previousMillis, "unix_ts_ms must not decrease");
            previousMillis = unixTsMs;
        }
    }

    @Test
    void ulidIsCrockfordBase32AndLexicographicallyMonotonic() {
        String previous = "";
        for (int i = 0; i < 1_000; i++) {
            String ulid = IdFunctions.ulid();
            assertEquals(26, ulid.length());
            for (char c : ulid.toCharArray()) {
                assertTrue(CROCKFORD.indexOf(c) >= 0, "not Crockford base32: " + ulid);
            }
            assertTrue(ulid.charAt(0) <= '7', "first char encodes the top 3 bits of 48: " + ulid);
            assertTrue(ulid.compareTo(previous) > 0, ulid + " must sort after " + previous);
            previous = ulid;
        }
    }
}
