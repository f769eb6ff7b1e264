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

/** The revocation list on a real store: memory lookups, persistence and purging of expired entries. */
class TokenRevocationsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void aTokenIsRevokedOnceAndStaysRevokedAcrossReopen() {
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenRevocations revocations = new TokenRevocations(store, at(NOW));
            assertTrue(revocations.revoke("a", NOW.plusSeconds(600)));
            assertFalse(revocations.revoke("a", NOW.plusSeconds(600)), "second revocation of one jti loses");
            assertTrue(revocations.isRevoked("a"));
            assertFalse(revocations.isRevoked("b"));
        }
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenRevocations reopened = new TokenRevocations(store, at(NOW.plusSeconds(60)));
            assertTrue(reopened.isRevoked("a"));
            assertEquals(1, reopened.size());
        }
    }

    @Test
    void entriesAreKeptThroughTheClockSkewThenPurgedOnOpenAndLazily() {
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenRevocations revocations = new TokenRevocations(store, at(NOW));
            revocations.revoke("short", NOW.plusSeconds(10));
            revocations.revoke("long", NOW.plusSeconds(3600));
        }
        Instant afterShortAndSkew = NOW.plusSeconds(10 + TokenService.CLOCK_SKEW_SECONDS + 1);
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenRevocations withinSkew = new TokenRevocations(store,
                    at(NOW.plusSeconds(10 + TokenService.CLOCK_SKEW_SECONDS)));
            assertTrue(withinSkew.isRevoked("short"), "a token within the skew still verifies, so stays revoked");
        }
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            TokenRevocations later = new TokenRevocations(store, at(afterShortAndSkew));
            assertFalse(later.isRevoked("short"));
            assertTrue(later.isRevoked("long"));
            assertEquals(1, later.size());
        }
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            MovingClock clock = new MovingClock(NOW);
            TokenRevocations revocations = new TokenRevocations(store, clock);
            assertEquals(1, revocations.size(), "the purged entry was deleted from the store too");
            clock.now.set(NOW.plusSeconds(7200));
            revocations.revoke("new", NOW.plusSeconds(9000));
            assertFalse(revocations.isRevoked("long"), "purged lazily by a later revocation");
            assertEquals(1, revocations.size());
        }
    }
}
