package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kalamdb.core.audit.AuditLog;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.Durability;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of verified access tokens never serves an expired, revoked or orphaned token. */
class VerifiedTokenCacheTest {
    private static final String PASSWORD = "Secret-pass-1";

    @TempDir
    Path dir;
    final MovingClock clock = new MovingClock(Instant.parse("2026-03-01T10:00:00Z"));
    KalamStore store;
    UserRepository users;
    AuthService auth;

    @BeforeEach
    void setUp() {
        store = KalamStore.open(dir, Durability.RELAXED);
        users = new UserRepository(store);
        PasswordHasher hasher = new PasswordHasher(4);
        users.save(new UserRecord(new UserId("alice"), hasher.hash(PASSWORD.toCharArray()), Role.USER, null, 0, 0,
                null, null, null));
        auth = new AuthService(store, users, hasher, new TokenSettings(Duration.ofMinutes(1), Duration.ofDays(1), null,
                List.of()), new AuditLog(store, new SnowflakeIdGenerator(1), clock::millis), clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() {
        String token = auth.login("alice", PASSWORD).accessToken().token();
        assertEquals("alice", auth.authenticate(token).id().value());

        clock.now.set(clock.now.get().plusSeconds(60 + TokenService.CLOCK_SKEW_SECONDS - 1));
        assertEquals("alice", auth.authenticate(token).id().value(), "within the skew, verified afresh");
        clock.now.set(clock.now.get().plusSeconds(2));

        KalamException e = assertThrows(KalamException.class, () -> auth.authenticate(token));
        assertEquals(ErrorCode.AUTH_REQUIRED, e.code());
        assertEquals("Token expired", e.getMessage());
    }

    @Test
    void aCachedTokenIsRefusedOnceRevokedOrItsUserDropped() {
        String first = auth.login("alice", PASSWORD).accessToken().token();
        String second = auth.login("alice", PASSWORD).accessToken().token();
        auth.authenticate(first);
        auth.authenticate(second);

        auth.logout(first, null, null);
        assertEquals("Token revoked", assertThrows(KalamException.class, () -> auth.authenticate(first)).getMessage());

        UserRecord alice = users.find(new UserId("alice")).orElseThrow();
        users.save(alice.deleted(1L));
        assertEquals("User no longer exists",
                assertThrows(KalamException.class, () -> auth.authenticate(second)).getMessage());
    }
}
