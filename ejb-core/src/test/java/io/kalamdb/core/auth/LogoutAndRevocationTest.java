package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.audit.AuditEntry;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.RangeScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Logout, revocation by {@code jti} (surviving a restart) and single-use refresh tokens, on a real engine. */
class LogoutAndRevocationTest {
    private static final String PASSWORD = "Secret-pass-1";

    @TempDir
    Path dir;
    EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.run(EngineFixture.root(), "CREATE USER 'alice' WITH PASSWORD '" + PASSWORD + "'");
        db.run(EngineFixture.root(), "CREATE USER 'bob' WITH PASSWORD '" + PASSWORD + "'");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private AuthService auth() {
        return db.engine().auth();
    }

    @Test
    void logoutRevokesTheAccessAndRefreshTokensAndIsAudited() {
        AuthService.Session session = auth().login("alice", PASSWORD);
        String access = session.accessToken().token();
        String refresh = session.refreshToken().token();
        assertEquals("alice", auth().authenticate(access).id().value());

        assertEquals(new UserId("alice"), auth().logout(access, refresh, "203.0.113.7"));

        assertRevoked(() -> auth().authenticate(access));
        assertRevoked(() -> auth().authenticateUntilExpiry(access));
        assertRevoked(() -> auth().refresh(refresh));
        assertRevoked(() -> auth().logout(access, null, null));
        List<AuditEntry> logouts = db.engine().audit().entries().stream()
                .filter(e -> e.action() == AuditAction.LOGOUT).toList();
        assertEquals(1, logouts.size());
        assertEquals(new UserId("alice"), logouts.get(0).actor());
        assertEquals("203.0.113.7", logouts.get(0).ipAddress());
        assertEquals("logout", AuditAction.LOGOUT.wireName());
    }

    @Test
    void logoutOfOneSessionLeavesTheOthersValid() {
        AuthService.Session first = auth().login("alice", PASSWORD);
        AuthService.Session second = auth().login("alice", PASSWORD);

        auth().logout(first.accessToken().token(), null, null);

        assertRevoked(() -> auth().authenticate(first.accessToken().token()));
        assertEquals("alice", auth().authenticate(second.accessToken().token()).id().value());
        assertEquals("alice", auth().refresh(first.refreshToken().token()).user().id().value());
    }

    @Test
    void logoutWithTheRefreshTokenAloneRevokesIt() {
        AuthService.Session session = auth().login("alice", PASSWORD);

        auth().logout(null, session.refreshToken().token(), null);

        assertRevoked(() -> auth().refresh(session.refreshToken().token()));
        assertEquals("alice", auth().authenticate(session.accessToken().token()).id().value());
    }

    @Test
    void logoutNeedsAValidTokenOfOneUser() {
        AuthService.Session alice = auth().login("alice", PASSWORD);
        AuthService.Session bob = auth().login("bob", PASSWORD);

        assertRejected("Logout needs an access token or a refresh token", () -> auth().logout(null, null, null));
        assertRejected("Invalid token", () -> auth().logout("not-a-token", null, null));
        assertRejected("Wrong token type: expected access token",
                () -> auth().logout(alice.refreshToken().token(), null, null));
        assertRejected("The access and refresh tokens belong to different users",
                () -> auth().logout(alice.accessToken().token(), bob.refreshToken().token(), null));
        assertEquals("alice", auth().authenticate(alice.accessToken().token()).id().value());
        assertEquals("bob", auth().refresh(bob.refreshToken().token()).user().id().value());
    }

    @Test
    void aRefreshTokenIsSingleUse() {
        AuthService.Session session = auth().login("alice", PASSWORD);
        String refresh = session.refreshToken().token();

        AuthService.Session renewed = auth().refresh(refresh);

        assertNotEquals(refresh, renewed.refreshToken().token());
        assertRevoked(() -> auth().refresh(refresh));
        assertEquals("alice", auth().authenticate(renewed.accessToken().token()).id().value());
        assertEquals("alice", auth().refresh(renewed.refreshToken().token()).user().id().value());
        assertEquals("alice", auth().authenticate(session.accessToken().token()).id().value(),
                "refreshing does not revoke access tokens already issued");
    }

    @Test
    void aSessionKeepsOneUsableRefreshTokenHoweverOftenItIsRefreshed() {
        String refresh = auth().login("alice", PASSWORD).refreshToken().token();
        for (int i = 0; i < 5; i++) {
            refresh = auth().refresh(refresh).refreshToken().token();
        }
        assertEquals(1, storedIds("refresh_token:"));
        assertEquals(0, storedIds("revoked_token:"), "used refresh tokens need no revocation entry");

        auth().logout(null, refresh, null);

        assertEquals(0, storedIds("refresh_token:"));
    }

    private int storedIds(String prefix) {
        KalamStore store = db.engine().store();
        byte[] from = prefix.getBytes(StandardCharsets.UTF_8);
        int n = 0;
        try (RangeScan scan = store.scan(store.partition(KalamStore.SYSTEM_META), from, KeyCodec.prefixEnd(from), null)) {
            while (scan.hasNext()) {
                scan.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void revocationsSurviveARestart() {
        AuthService.Session session = auth().login("alice", PASSWORD);
        String usedRefresh = session.refreshToken().token();
        String freshRefresh = auth().refresh(usedRefresh).refreshToken().token();
        auth().logout(session.accessToken().token(), null, null);

        db.restart();

        assertRevoked(() -> auth().authenticate(session.accessToken().token()));
        assertRevoked(() -> auth().refresh(usedRefresh));
        assertEquals("alice", auth().refresh(freshRefresh).user().id().value());
    }

    @Test
    void recheckEndsAConnectionsAuthenticationOnRevocationOrDrop() {
        AuthService.Session session = auth().login("alice", PASSWORD);
        AuthService.Authenticated held = auth().authenticateUntilExpiry(session.accessToken().token());
        auth().recheck(held);

        auth().logout(session.accessToken().token(), null, null);
        assertRevoked(() -> auth().recheck(held));

        AuthService.Authenticated bob = auth().authenticateUntilExpiry(auth().login("bob", PASSWORD)
                .accessToken().token());
        db.run(EngineFixture.root(), "DROP USER 'bob'");
        assertRejected("User no longer exists", () -> auth().recheck(bob));

        AuthService.Authenticated expired = new AuthService.Authenticated(held.user(),
                Instant.now().minusSeconds(1), "some-jti");
        assertRejected("Token expired", () -> auth().recheck(expired));
    }

    private static void assertRevoked(Executable call) {
        assertRejected("Token revoked", call);
    }

    private static void assertRejected(String reason, Executable call) {
        KalamException e = assertThrows(KalamException.class, call);
        assertEquals(ErrorCode.AUTH_REQUIRED, e.code());
        assertEquals(reason, e.getMessage());
    }
}
