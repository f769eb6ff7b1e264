package io.kalamdb.core.auth;

import static io.kalamdb.core.EngineFixture.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.audit.AuditEntry;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** First-run setup (upstream KalamDB POST /v1/api/auth/setup) on a real engine, checked through login. */
class ServerSetupTest {
    private static final String ROOT_PW = "root-secret-42";
    private static final String DBA_PW = "admin-secret-42";
    private static final String IP = "127.0.0.1";

    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ServerSetup setup() {
        return db.engine().setup();
    }

    private AuthService auth() {
        return db.engine().auth();
    }

    private ServerSetup.Completed runSetup(String username, String password, String rootPassword, String email) {
        return setup().setup(new UserId(username), password, rootPassword, email, IP);
    }

    /** Asserts that a setup is refused with {@code code} and {@code message}, and that it changed no user. */
    private void refused(ErrorCode code, String message, Executable setupCall) {
        List<List<Object>> usersBefore = users();
        boolean passwordlessBefore = auth().rootIsPasswordless();
        int setupsBefore = setupEntries().size();
        KalamException e = assertThrows(KalamException.class, setupCall);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(message, e.getMessage());
        assertEquals(usersBefore, users());
        assertEquals(passwordlessBefore, auth().rootIsPasswordless());
        assertEquals(setupsBefore, setupEntries().size());
    }

    /** @return every user with its role, e-mail, update and delete times */
    private List<List<Object>> users() {
        return db.rows(root(), "SELECT user_id, role, email, updated_at, deleted_at FROM system.users ORDER BY user_id");
    }

    private List<AuditEntry> setupEntries() {
        return db.engine().audit().entries().stream().filter(e -> e.action() == AuditAction.SERVER_SETUP).toList();
    }

    private void loginFails(String name, String password) {
        KalamException e = assertThrows(KalamException.class, () -> auth().login(name, password));
        assertEquals(ErrorCode.AUTH_REQUIRED, e.code());
    }

    @Test
    void aFreshServerNeedsSetupUntilRootHasAPassword() {
        assertEquals(new ServerSetup.Status(true, ServerSetup.NEEDS_SETUP_MESSAGE), setup().status());
        assertEquals("Server requires initial setup. Call POST /v1/api/auth/setup with username, password, "
                + "root_password, and optional email.", setup().status().message());

        db.run(root(), "ALTER USER root SET PASSWORD 'root-secret'");

        assertEquals(new ServerSetup.Status(false, "Server is configured and ready."), setup().status());
    }

    @Test
    void setupSetsRootsPasswordAndCreatesADbaThatBothLogIn() {
        ServerSetup.Completed done = runSetup("admin", DBA_PW, ROOT_PW, "admin@example.com");

        assertEquals("Server setup complete. Root password configured and DBA user 'admin' created. "
                + "Please login to continue.", done.message());
        assertEquals(new UserId("admin"), done.user().id());
        assertEquals(Role.DBA, done.user().role());
        assertEquals("admin@example.com", done.user().email());
        assertFalse(setup().status().needsSetup());
        assertFalse(auth().rootIsPasswordless());
        assertEquals(Role.SYSTEM, auth().login("root", ROOT_PW).user().role());
        assertEquals(Role.DBA, auth().login("admin", DBA_PW).user().role());
        loginFails("root", DBA_PW);
        loginFails("admin", ROOT_PW);

        db.restart();
        assertFalse(db.engine().setup().status().needsSetup());
        assertEquals(Role.SYSTEM, db.engine().auth().login("root", ROOT_PW).user().role());
        assertEquals(Role.DBA, db.engine().auth().login("admin", DBA_PW).user().role());
    }

    @Test
    void setupIsAuditedWithoutAPassword() {
        runSetup("admin", DBA_PW, ROOT_PW, null);

        List<AuditEntry> entries = setupEntries();
        assertEquals(1, entries.size());
        AuditEntry e = entries.get(0);
        assertNull(e.actor());
        assertEquals("admin", e.target());
        assertEquals(new UserId("admin"), e.subject());
        assertEquals(IP, e.ipAddress());
        assertEquals("{\"role\":\"dba\"}", e.details());
        assertEquals(List.of("server_setup"), db.column(root(), "SELECT action FROM system.audit_log "
                + "WHERE action = 'server_setup' AND target = 'admin'"));
    }

    @Test
    void aBlankEmailIsNone() {
        assertNull(runSetup("admin", DBA_PW, ROOT_PW, " ").user().email());
    }

    @Test
    void aWeakDbaPasswordIsRefusedAndNothingIsWritten() {
        refused(ErrorCode.INVALID_PARAMETER, "DBA user password: Password must be at least 8 characters long",
                () -> runSetup("admin", "short1", ROOT_PW, null));
        refused(ErrorCode.INVALID_PARAMETER, "DBA user password: Password must not be the user name",
                () -> runSetup("admin_user", "Admin_User", ROOT_PW, null));
        assertTrue(setup().status().needsSetup());
    }

    @Test
    void aWeakRootPasswordIsRefusedAndNothingIsWritten() {
        refused(ErrorCode.INVALID_PARAMETER, "Root password: Password is too common: choose one that is not on lists "
                + "of breached passwords", () -> runSetup("admin", DBA_PW, "Password1", null));
        refused(ErrorCode.INVALID_PARAMETER, "Root password: Password must be at most 72 bytes of UTF-8",
                () -> runSetup("admin", DBA_PW, "x".repeat(73), null));
        assertTrue(setup().status().needsSetup());
        loginFails("admin", DBA_PW);
    }

    @Test
    void theUsernameRootIsRefusedAndNothingIsWritten() {
        refused(ErrorCode.INVALID_PARAMETER, "Cannot create a DBA user with username 'root'. Choose a different "
                + "username.", () -> runSetup("root", DBA_PW, ROOT_PW, null));
        assertTrue(auth().rootIsPasswordless());
        loginFails("root", ROOT_PW);
        loginFails("root", DBA_PW);
    }

    @Test
    void anExistingUserIsRefusedAndKeepsItsPasswordAndRole() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'alice-secret-1'");

        refused(ErrorCode.ALREADY_EXISTS, "User 'alice' already exists",
                () -> runSetup("alice", DBA_PW, ROOT_PW, null));

        assertEquals(Role.USER, auth().login("alice", "alice-secret-1").user().role());
        loginFails("alice", DBA_PW);
        assertTrue(setup().status().needsSetup());
    }

    @Test
    void aSoftDeletedUserOfThatNameComesBackAsTheDba() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'alice-secret-1'");
        db.run(root(), "DROP USER alice");

        assertEquals(Role.DBA, runSetup("alice", DBA_PW, ROOT_PW, null).user().role());

        assertEquals(Role.DBA, auth().login("alice", DBA_PW).user().role());
        loginFails("alice", "alice-secret-1");
    }

    @Test
    void aConfiguredServerRefusesSetupAndKeepsItsRootPassword() {
        runSetup("admin", DBA_PW, ROOT_PW, null);

        refused(ErrorCode.ALREADY_EXISTS, "Server has already been configured. Root password is set.",
                () -> runSetup("other", "other-secret-42", "another-root-42", null));
        assertEquals(Role.SYSTEM, auth().login("root", ROOT_PW).user().role());
        loginFails("root", "another-root-42");
        loginFails("other", "other-secret-42");
    }

    @Test
    void aServerWhoseRootPasswordWasSetOtherwiseRefusesSetupBeforeCheckingTheRequest() {
        db.run(root(), "ALTER USER root SET PASSWORD 'root-secret'");

        refused(ErrorCode.ALREADY_EXISTS, "Server has already been configured. Root password is set.",
                () -> runSetup("root", "short", "short", null));
    }

    @Test
    void ofConcurrentSetupsExactlyOneSucceeds() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServerSetup.Completed>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String name = "admin" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return runSetup(name, DBA_PW + name, ROOT_PW + name, null);
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<ServerSetup.Completed> f : futures) {
                try {
                    winners.add(f.get(30, TimeUnit.SECONDS).user().id().value());
                } catch (java.util.concurrent.ExecutionException e) {
                    KalamException refusal = (KalamException) e.getCause();
                    assertEquals(ErrorCode.ALREADY_EXISTS, refusal.code());
                    assertEquals("Server has already been configured. Root password is set.", refusal.getMessage());
                }
            }
            assertEquals(1, winners.size(), () -> "winners: " + winners);
            String winner = winners.get(0);

            db.restart();
            assertEquals(List.of(winner, "root"), db.column(root(), "SELECT user_id FROM system.users ORDER BY user_id"));
            assertEquals(Role.SYSTEM, db.engine().auth().login("root", ROOT_PW + winner).user().role());
            assertEquals(Role.DBA, db.engine().auth().login(winner, DBA_PW + winner).user().role());
            assertEquals(1, setupEntries().size());
        } finally {
            pool.shutdownNow();
        }
    }
}
