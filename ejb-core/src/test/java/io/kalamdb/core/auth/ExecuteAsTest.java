package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.audit.AuditEntry;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXECUTE AS USER: who may act as whom, in whose partition, with whose rights — and every use audited. */
class ExecuteAsTest {
    @TempDir
    Path dir;
    EngineFixture db;
    final SqlSession root = EngineFixture.root();
    final SqlSession alice = EngineFixture.as("alice", Role.USER);
    final SqlSession bob = EngineFixture.as("bob", Role.USER);
    final SqlSession svc = EngineFixture.as("svc", Role.SERVICE);
    final SqlSession admin = EngineFixture.as("admin", Role.DBA);

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.run(root, "CREATE USER 'alice' WITH PASSWORD 'pw-secret-1' ROLE user; CREATE USER 'bob' WITH PASSWORD 'pw-secret-1' ROLE user;"
                + " CREATE USER 'svc' WITH PASSWORD 'pw-secret-1' ROLE service; CREATE USER 'svc2' WITH PASSWORD 'pw-secret-1' ROLE service;"
                + " CREATE USER 'admin' WITH PASSWORD 'pw-secret-1' ROLE dba; CREATE USER 'admin2' WITH PASSWORD 'pw-secret-1' ROLE dba");
        db.run(root, "CREATE NAMESPACE app; CREATE USER TABLE app.msgs (id BIGINT PRIMARY KEY, body TEXT, "
                + "author TEXT DEFAULT CURRENT_USER()); CREATE SHARED TABLE app.config (id BIGINT PRIMARY KEY, v TEXT)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<AuditEntry> audited() {
        return db.engine().audit().entries().stream().filter(e -> e.action() == AuditAction.EXECUTE_AS).toList();
    }

    @Test
    void aServiceWritesIntoAUsersPartitionAsThatUser() {
        var result = db.run(svc, "EXECUTE AS USER 'alice' (INSERT INTO app.msgs (id, body) VALUES (1, 'hi'))");
        assertEquals("alice", result.asUser().value());
        assertEquals(List.of(List.of("hi", "alice")), db.rows(alice, "SELECT body, author FROM app.msgs"));
        assertEquals(List.of(), db.rows(svc, "SELECT body FROM app.msgs"));
        assertEquals(List.of("hi"), db.column(svc, "EXECUTE AS USER 'alice' (SELECT body FROM app.msgs)"));
        db.run(svc, "EXECUTE AS USER 'alice' (INSERT INTO app.config VALUES (1, 'service rights'))");
        assertEquals(List.of("service rights"), db.column(root, "SELECT v FROM app.config"));
    }

    @Test
    void theTargetMatrixIsEnforcedAndRefusalsWriteNothing() {
        record Case(SqlSession caller, String target, boolean allowed) {
        }
        List<Case> cases = List.of(new Case(alice, "alice", true), new Case(alice, "bob", false),
                new Case(alice, "svc", false), new Case(svc, "alice", true), new Case(svc, "svc2", true),
                new Case(svc, "admin", false), new Case(admin, "svc", true), new Case(admin, "admin2", true),
                new Case(admin, "root", false), new Case(root, "admin", true), new Case(root, "alice", true));
        long id = 10;
        for (Case c : cases) {
            id++;
            String sql = "EXECUTE AS USER '" + c.target() + "' (INSERT INTO app.msgs (id, body) VALUES (" + id
                    + ", 'x'))";
            if (c.allowed()) {
                db.run(c.caller(), sql);
            } else {
                db.fails(ErrorCode.PERMISSION_DENIED, c.caller(), sql);
            }
            SqlSession targetSession = EngineFixture.as(c.target(), Role.USER);
            assertEquals(c.allowed() ? List.of(id) : List.of(), db.column(targetSession,
                    "SELECT id FROM app.msgs WHERE id = $1", id), c.toString());
        }
        assertEquals(cases.size(), audited().size());
        assertEquals(cases.stream().filter(Case::allowed).count(),
                audited().stream().filter(e -> e.details().contains("true")).count());
    }

    @Test
    void sharedTablesKeepTheCallersRightsAndUnknownUsersAndNestingAreRefused() {
        db.fails(ErrorCode.PERMISSION_DENIED, alice,
                "EXECUTE AS USER 'alice' (INSERT INTO app.config VALUES (1, 'user rights'))");
        assertEquals(List.of(), db.column(root, "SELECT v FROM app.config"));
        db.fails(ErrorCode.NOT_FOUND, admin, "EXECUTE AS USER 'nobody' (SELECT * FROM app.msgs)");
        db.fails(ErrorCode.PERMISSION_DENIED, svc, "EXECUTE AS USER 'nobody' (SELECT * FROM app.msgs)");
        db.fails(ErrorCode.INVALID_SQL, root,
                "EXECUTE AS USER 'alice' (EXECUTE AS USER 'bob' (SELECT * FROM app.msgs))");
        db.run(root, "DROP USER 'bob'");
        db.fails(ErrorCode.NOT_FOUND, root, "EXECUTE AS USER 'bob' (SELECT * FROM app.msgs)");
        db.fails(ErrorCode.PERMISSION_DENIED, bob, "EXECUTE AS USER 'alice' (DELETE FROM app.msgs WHERE id = 1)");
    }
}
