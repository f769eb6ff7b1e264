package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.store.Durability;
import io.kalamdb.core.store.KalamStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A durable token-id set on a real store: memory lookups, persistence, separate prefixes, purging of expired ids. */
class TokenIdSetTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void idsAreAddedAndRemovedOnceAndPersistAcrossReopen() {
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenIdSet set = new TokenIdSet(store, "a:", at(NOW));
            assertTrue(set.add("x", NOW.plusSeconds(600)));
            assertFalse(set.add("x", NOW.plusSeconds(600)), "a second add of one id loses");
            assertTrue(set.add("y", NOW.plusSeconds(600)));
            assertTrue(set.remove("y"));
            assertFalse(set.remove("y"), "a second remove of one id loses");
            assertTrue(set.contains("x"));
            assertFalse(set.contains("y"));
            new TokenIdSet(store, "b:", at(NOW)).add("z", NOW.plusSeconds(600));
        }
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenIdSet reopened = new TokenIdSet(store, "a:", at(NOW.plusSeconds(60)));
            assertTrue(reopened.contains("x"));
            assertFalse(reopened.contains("y"), "the removal was persisted");
            assertFalse(reopened.contains("z"), "another prefix is another set");
            assertEquals(1, reopened.size());
        }
    }

    @Test
    void idsAreKeptThroughTheClockSkewThenPurgedOnOpenAndLazily() {
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenIdSet set = new TokenIdSet(store, "a:", at(NOW));
            set.add("short", NOW.plusSeconds(10));
            set.add("long", NOW.plusSeconds(3600));
        }
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenIdSet withinSkew = new TokenIdSet(store, "a:",
                    at(NOW.plusSeconds(10 + TokenService.CLOCK_SKEW_SECONDS)));
            assertTrue(withinSkew.contains("short"), "a token within the skew still verifies, so it is kept");
        }
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenIdSet later = new TokenIdSet(store, "a:",
                    at(NOW.plusSeconds(10 + TokenService.CLOCK_SKEW_SECONDS + 1)));
            assertFalse(later.contains("short"));
            assertTrue(later.contains("long"));
        }
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            MovingClock clock = new MovingClock(NOW);
            TokenIdSet set = new TokenIdSet(store, "a:", clock);
            assertEquals(1, set.size(), "the purged id was deleted from the store too");
            clock.now.set(NOW.plusSeconds(7200));
            set.add("new", NOW.plusSeconds(9000));
            assertFalse(set.contains("long"), "purged lazily by a later add");
            assertEquals(1, set.size());
        }
    }
}
