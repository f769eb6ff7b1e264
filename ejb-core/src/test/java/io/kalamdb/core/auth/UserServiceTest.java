package io.kalamdb.core.auth;

import static io.kalamdb.core.EngineFixture.as;
import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineConfig;
import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.KalamEngine;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.Durability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User management through SQL, checked through login (DESIGN.md §5). */
class UserServiceTest {
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

    private AuthService auth() {
        return db.engine().auth();
    }

    private Role loginRole(String name, String password) {
        return auth().login(name, password).user().role();
    }

    private void loginFails(String name, String password) {
        KalamException e = assertThrows(KalamException.class, () -> auth().login(name, password));
        assertEquals(ErrorCode.AUTH_REQUIRED, e.code());
        assertEquals("Invalid username or password", e.getMessage());
    }

    @Test
    void createdUserLogsInWithItsPasswordOnly() {
        assertEquals("User 'alice' created", db.run(root(), "CREATE USER alice WITH PASSWORD 'wonder-land'").message());
        assertEquals(Role.USER, loginRole("alice", "wonder-land"));
        loginFails("alice", "wonder-lan");
        loginFails("alice", "");
        loginFails("nobody", "wonder-land");
    }

    @Test
    void createUserTakesRoleAndEmailInAnyOrder() {
        db.run(root(), "CREATE USER 'svc' WITH PASSWORD 'pw-secret-1' EMAIL 'ops@example.com' ROLE service");
        db.run(root(), "CREATE USER admin WITH PASSWORD 'pw-secret-1' ROLE 'dba'");
        assertEquals(Role.SERVICE, loginRole("svc", "pw-secret-1"));
        assertEquals(Role.DBA, loginRole("admin", "pw-secret-1"));
        assertEquals("ops@example.com", db.engine().users().active(new UserId("svc")).orElseThrow().email());
        db.fails(ErrorCode.INVALID_SQL, root(), "CREATE USER bad WITH PASSWORD 'pw-secret-1' ROLE superuser");
    }

    @Test
    void createUserTwiceUnlessIfNotExists() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'first-secret-1'");
        assertTrue(db.fails(ErrorCode.ALREADY_EXISTS, root(), "CREATE USER alice WITH PASSWORD 'second-secret-1'")
                .getMessage().contains("'alice' already exists"));
        assertEquals(0, db.run(root(), "CREATE USER IF NOT EXISTS alice WITH PASSWORD 'second-secret-1'").rowCount());
        assertEquals(Role.USER, loginRole("alice", "first-secret-1"));
        loginFails("alice", "second-secret-1");
    }

    @Test
    void ofConcurrentCreationsOfOneNameExactlyOneWinsAndConcurrentChangesKeepEachOther() throws Exception {
        int n = 8;
        List<Callable<String>> creations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String password = "password-number-" + i;
            creations.add(() -> {
                try {
                    db.run(root(), "CREATE USER carol WITH PASSWORD '" + password + "'");
                    return password;
                } catch (KalamException e) {
                    assertEquals(ErrorCode.ALREADY_EXISTS, e.code(), e::getMessage);
                    return null;
                }
            });
        }
        List<String> winners = all(creations).stream().filter(Objects::nonNull).toList();
        assertEquals(1, winners.size(), winners::toString);
        assertEquals(Role.USER, loginRole("carol", winners.get(0)), "the winner's password is the one stored");

        all(List.<Callable<Object>>of(() -> db.run(root(), "ALTER USER carol SET ROLE service"),
                () -> db.run(root(), "ALTER USER carol SET EMAIL 'carol@example.com'"),
                () -> db.run(root(), "ALTER USER carol SET PASSWORD 'carol-new-secret'")));
        assertEquals(Role.SERVICE, loginRole("carol", "carol-new-secret"));
        assertEquals("carol@example.com", db.engine().users().active(new UserId("carol")).orElseThrow().email());
    }

    /** Runs the tasks at once, each on its own thread, and returns their results in order. */
    private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSystemRoleCannotBeGranted() {
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "CREATE USER boss WITH PASSWORD 'pw-secret-1' ROLE system");
        db.run(root(), "CREATE USER alice WITH PASSWORD 'pw-secret-1'");
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "ALTER USER alice SET ROLE system");
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "ALTER USER root SET ROLE dba");
        assertEquals(Role.USER, loginRole("alice", "pw-secret-1"));
        assertTrue(db.engine().users().active(new UserId("boss")).isEmpty());
    }

    @Test
    void alterUserSetPasswordReplacesIt() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'old-pw-secret-1'");
        db.run(root(), "ALTER USER alice SET PASSWORD 'new-pw-secret-1'");
        loginFails("alice", "old-pw-secret-1");
        assertEquals(Role.USER, loginRole("alice", "new-pw-secret-1"));
    }

    @Test
    void usersMayChangeTheirOwnPasswordAndEmailButNotOthers() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'a-pw-secret-1'");
        db.run(root(), "CREATE USER bob WITH PASSWORD 'b-pw-secret-1'");
        db.run(user("alice"), "ALTER USER alice SET PASSWORD 'mine-secret-1'");
        db.run(user("alice"), "ALTER USER alice SET EMAIL 'alice@example.com'");
        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), "ALTER USER bob SET PASSWORD 'taken-secret-1'");
        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), "ALTER USER bob SET EMAIL 'x@example.com'");
        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), "ALTER USER alice SET ROLE dba");

        assertEquals(Role.USER, loginRole("alice", "mine-secret-1"));
        assertEquals(Role.USER, loginRole("bob", "b-pw-secret-1"));
        assertEquals("alice@example.com", db.engine().users().active(new UserId("alice")).orElseThrow().email());
        assertNull(db.engine().users().active(new UserId("bob")).orElseThrow().email());
    }

    @Test
    void alterUserSetRoleChangesWhatLoginReports() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'pw-secret-1'");
        db.run(as("admin", Role.DBA), "ALTER USER alice SET ROLE dba");
        assertEquals(Role.DBA, loginRole("alice", "pw-secret-1"));
        db.run(root(), "ALTER USER alice SET ROLE user");
        assertEquals(Role.USER, loginRole("alice", "pw-secret-1"));
    }

    @Test
    void alterOfAnUnknownUserIsNotFound() {
        db.fails(ErrorCode.NOT_FOUND, root(), "ALTER USER ghost SET PASSWORD 'pw-secret-1'");
        db.fails(ErrorCode.NOT_FOUND, root(), "ALTER USER ghost SET ROLE dba");
    }

    @Test
    void dropUserIsSoftAndEndsLoginAndTokens() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'pw-secret-1'");
        String token = auth().login("alice", "pw-secret-1").accessToken().token();
        assertEquals("alice", auth().authenticate(token).id().value());

        assertEquals("User 'alice' dropped", db.run(root(), "DROP USER alice").message());
        loginFails("alice", "pw-secret-1");
        assertEquals(ErrorCode.AUTH_REQUIRED, assertThrows(KalamException.class, () -> auth().authenticate(token)).code());
        assertEquals(List.of(true), db.column(root(), "SELECT deleted_at IS NOT NULL FROM system.users WHERE user_id = 'alice'"));
        db.fails(ErrorCode.NOT_FOUND, root(), "DROP USER alice");
        assertEquals(0, db.run(root(), "DROP USER IF EXISTS alice").rowCount());
    }

    @Test
    void aDroppedUsersDataStaysAndComesBackWithTheUser() {
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE USER TABLE app.notes (id BIGINT PRIMARY KEY, body TEXT)");
        db.run(root(), "CREATE USER alice WITH PASSWORD 'first-secret-1'");
        db.run(user("alice"), "INSERT INTO app.notes VALUES (1, 'kept')");
        db.run(root(), "DROP USER alice");

        db.run(root(), "CREATE USER alice WITH PASSWORD 'second-secret-1' ROLE service");
        assertEquals(Role.SERVICE, loginRole("alice", "second-secret-1"));
        loginFails("alice", "first-secret-1");
        assertEquals(List.of("kept"), db.column(user("alice"), "SELECT body FROM app.notes"));
        assertEquals(List.of(false), db.column(root(), "SELECT deleted_at IS NOT NULL FROM system.users WHERE user_id = 'alice'"));
    }

    @Test
    void rootAndOneselfCannotBeDropped() {
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "DROP USER root");
        db.run(root(), "CREATE USER admin WITH PASSWORD 'pw-secret-1' ROLE dba");
        db.fails(ErrorCode.PERMISSION_DENIED, as("admin", Role.DBA), "DROP USER admin");
        assertEquals(Role.DBA, loginRole("admin", "pw-secret-1"));
    }

    @Test
    void rootExistsWithoutPasswordOnFirstStart() {
        UserRecord rootUser = auth().root();
        assertEquals(UserId.ROOT, rootUser.id());
        assertEquals(Role.SYSTEM, rootUser.role());
        assertNull(rootUser.passwordHash());
        assertTrue(auth().rootIsPasswordless());
        loginFails("root", "");
        loginFails("root", "anything");
    }

    @Test
    void settingRootsPasswordEndsPasswordlessMode() {
        db.run(root(), "ALTER USER root SET PASSWORD 'root-secret'");
        assertFalse(auth().rootIsPasswordless());
        assertEquals(Role.SYSTEM, loginRole("root", "root-secret"));
        db.restart();
        assertFalse(db.engine().auth().rootIsPasswordless());
    }

    @Test
    void aConfiguredRootPasswordIsSetAtStart(@TempDir Path other) {
        try (KalamEngine engine = KalamEngine.open(new EngineConfig(other, Durability.RELAXED, 2, "configured-root-pw",
                4, TokenSettings.defaults()))) {
            assertFalse(engine.auth().rootIsPasswordless());
            assertEquals(Role.SYSTEM, engine.auth().login("root", "configured-root-pw").user().role());
        }
    }

    @Test
    void passwordsBreakingThePolicyAreRefusedAndNothingIsWritten() {
        assertTrue(db.fails(ErrorCode.INVALID_PARAMETER, root(), "CREATE USER alice WITH PASSWORD 'short1'").getMessage()
                .contains("at least 8 characters"));
        assertTrue(db.fails(ErrorCode.INVALID_PARAMETER, root(), "CREATE USER alice WITH PASSWORD 'Password1'").getMessage()
                .contains("too common"));
        assertTrue(db.fails(ErrorCode.INVALID_PARAMETER, root(), "CREATE USER alice WITH PASSWORD '"
                + "x".repeat(73) + "'").getMessage().contains("at most 72 bytes"));
        assertTrue(db.fails(ErrorCode.INVALID_PARAMETER, root(), "CREATE USER 'alice_smith' WITH PASSWORD 'Alice_Smith'").getMessage()
                .contains("user name"));
        assertEquals(0, db.run(root(), "SELECT user_id FROM system.users WHERE user_id LIKE 'alice%'").rowCount());

        db.run(root(), "CREATE USER alice WITH PASSWORD 'pw-secret-1'");
        db.fails(ErrorCode.INVALID_PARAMETER, user("alice"), "ALTER USER alice SET PASSWORD 'qwertyuiop'");
        assertEquals(Role.USER, loginRole("alice", "pw-secret-1"));
        loginFails("alice", "qwertyuiop");
    }

    @Test
    void aPasswordOfEightCharactersIncludingMultiByteOnesIsAccepted() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'grün-äpfel'");
        assertEquals(Role.USER, loginRole("alice", "grün-äpfel"));
        db.run(root(), "CREATE USER bob WITH PASSWORD 'äöüßäöüß'");
        assertEquals(Role.USER, loginRole("bob", "äöüßäöüß"));
    }

    @Test
    void aConfiguredRootPasswordBreakingThePolicyStopsTheStart(@TempDir Path other) {
        KalamException e = assertThrows(KalamException.class, () -> KalamEngine.open(new EngineConfig(other,
                Durability.RELAXED, 2, "root", 4, TokenSettings.defaults())).close());
        assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
    }
}
