package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brute-force login lockout on a real engine with an injectable clock. */
class LoginLockoutTest {
    @TempDir
    Path dir;
    final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    EngineFixture db;
    AuthService auth;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.run(EngineFixture.root(), "CREATE USER 'alice' WITH PASSWORD 'right-password-1'");
        auth = db.engine().auth();
        auth.lockout(new LoginLockout(3, Duration.ofMinutes(15), now::get));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ErrorCode attempt(String user, String password) {
        try {
            auth.login(user, password, "203.0.113.9");
            return null;
        } catch (KalamException e) {
            return e.code();
        }
    }

    @Test
    void consecutiveFailuresLockTheNameEvenForTheRightPasswordUntilTheWindowPasses() {
        assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-1"));
        assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-2"));
        assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-3"));
        assertEquals(ErrorCode.RATE_LIMIT_EXCEEDED, attempt("alice", "right-password-1"));
        now.addAndGet(Duration.ofMinutes(14).toMillis());
        assertEquals(ErrorCode.RATE_LIMIT_EXCEEDED, attempt("alice", "right-password-1"));
        now.addAndGet(Duration.ofMinutes(2).toMillis());
        assertEquals(null, attempt("alice", "right-password-1"));
        long lockedAttempts = db.engine().audit().entries().stream()
                .filter(e -> e.action() == AuditAction.LOGIN_FAILED && "{\"locked\":true}".equals(e.details()))
                .count();
        assertEquals(2, lockedAttempts);
    }

    @Test
    void aSuccessResetsTheCountAndUnknownNamesLockAlike() {
        assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-1"));
        assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-2"));
        assertEquals(null, attempt("alice", "right-password-1"));
        assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-3"));
        assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-4"));
        assertEquals(null, attempt("alice", "right-password-1"));
        for (int i = 0; i < 3; i++) {
            assertEquals(ErrorCode.AUTH_REQUIRED, attempt("nobody", "x"));
        }
        assertEquals(ErrorCode.RATE_LIMIT_EXCEEDED, attempt("nobody", "x"));
        assertEquals(null, attempt("alice", "right-password-1"));
        assertThrows(IllegalArgumentException.class, () -> new LoginLockout(0, Duration.ofMinutes(1), now::get));
    }

    @Test
    void whileANameIsLockedItsUsersTokensAreRefusedUnlessTheLockoutKeepsSessions() {
        String token = auth.login("alice", "right-password-1").accessToken().token();
        for (int i = 1; i <= 3; i++) {
            assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-" + i));
        }
        KalamException locked = assertThrows(KalamException.class, () -> auth.authenticate(token));
        assertEquals(ErrorCode.AUTH_REQUIRED, locked.code());
        assertEquals("Account locked after too many failed logins", locked.getMessage());

        now.addAndGet(Duration.ofMinutes(16).toMillis());
        assertEquals("alice", auth.authenticate(token).id().value());

        auth.lockout(new LoginLockout(3, Duration.ofMinutes(15), now::get, false));
        for (int i = 1; i <= 3; i++) {
            assertEquals(ErrorCode.AUTH_REQUIRED, attempt("alice", "guess-" + i));
        }
        assertEquals(ErrorCode.RATE_LIMIT_EXCEEDED, attempt("alice", "right-password-1"));
        assertEquals("alice", auth.authenticate(token).id().value());
    }
}
