package io.kalamdb.core.audit;

import static io.kalamdb.core.EngineFixture.as;
import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobType;
import io.kalamdb.core.live.LiveSink;
import io.kalamdb.core.live.SubscriptionOptions;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code system.audit_log} (DESIGN.md §7): what is recorded, by whom, and that it cannot be changed. */
class AuditLogTest {
    private static final String ENTRY = "SELECT actor_user_id, action, target, subject_user_id, ip_address "
            + "FROM system.audit_log ORDER BY audit_id";

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

    private List<List<Object>> entries() {
        return db.rows(root(), ENTRY);
    }

    private List<Object> last() {
        List<List<Object>> all = entries();
        return all.get(all.size() - 1);
    }

    private static List<Object> entry(String actor, String action, String target, String subject) {
        return Arrays.asList(actor, action, target, subject, null);
    }

    @Test
    void viewHasTheDesignColumnsWithTimestampAsTimestamp() {
        List<ResultColumn> schema = db.run(root(), "SELECT * FROM system.audit_log").schema();
        assertEquals(List.of("audit_id", "timestamp", "actor_user_id", "action", "target", "details", "ip_address",
                "subject_user_id"), schema.stream().map(ResultColumn::name).toList());
        assertEquals(List.of(0L), db.column(root(), "SELECT COUNT(*) FROM system.audit_log"));
    }

    @Test
    void eachAuditedStatementKindAddsOneEntryWithActorActionTargetAndSubject() {
        SqlSession ops = as("ops", Role.DBA);
        db.run(ops, "CREATE NAMESPACE app");
        db.run(ops, "USE app");
        db.runAll(ops, "USE app; CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT) WITH (TYPE = 'SHARED')");
        db.run(ops, "ALTER TABLE app.notes ADD COLUMN tag TEXT");
        db.run(ops, "DROP TABLE app.notes");
        db.run(ops, "CREATE USER alice WITH PASSWORD 'S3cret-pw!' ROLE user");
        db.run(ops, "ALTER USER alice SET PASSWORD 'N3w-pw-secret!'");
        db.run(ops, "ALTER USER alice SET ROLE service");
        db.run(ops, "DROP USER alice");
        db.run(ops, "DROP NAMESPACE app");
        db.run(ops, "CREATE STORAGE vault TYPE 'filesystem' PATH 'vault' CREDENTIALS '{\"token\": \"hunter2\"}'");
        db.run(ops, "ALTER STORAGE vault SET CREDENTIALS '{\"token\": \"hunter3\"}' DESCRIPTION 'Vault'");
        db.run(ops, "DROP STORAGE vault");

        assertEquals(List.of(
                entry("ops", "create_namespace", "app", null),
                entry("ops", "create_table", "app.notes", null),
                entry("ops", "alter_table", "app.notes", null),
                entry("ops", "drop_table", "app.notes", null),
                entry("ops", "create_user", "alice", "alice"),
                entry("ops", "alter_user", "alice", "alice"),
                entry("ops", "alter_user", "alice", "alice"),
                entry("ops", "drop_user", "alice", "alice"),
                entry("ops", "drop_namespace", "app", null),
                entry("ops", "create_storage", "vault", null),
                entry("ops", "alter_storage", "vault", null),
                entry("ops", "drop_storage", "vault", null)), entries());
        assertEquals(List.of("{\"role\":\"user\"}", "{\"property\":\"password\"}",
                "{\"property\":\"role\",\"role\":\"service\"}"), db.column(root(),
                "SELECT details FROM system.audit_log WHERE target = 'alice' AND action IN ('create_user', "
                        + "'alter_user') ORDER BY audit_id"));
    }

    @Test
    void noEntryHoldsAPasswordOrCredential() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'S3cret-pw!' ROLE user");
        db.run(root(), "ALTER USER alice SET PASSWORD 'N3w-pw-secret!'");
        db.run(root(), "CREATE STORAGE vault TYPE 'filesystem' PATH 'vault' CREDENTIALS '{\"token\": \"hunter2\"}'");
        db.run(root(), "ALTER STORAGE vault SET CREDENTIALS '{\"token\": \"hunter3\"}'");
        assertThrows(KalamException.class, () -> db.engine().auth().login("alice", "wrong-Passw0rd"));

        List<List<Object>> rows = db.rows(root(), "SELECT * FROM system.audit_log");
        assertEquals(5, rows.size());
        String all = rows.toString();
        for (String secret : List.of("S3cret-pw!", "N3w-pw-secret!", "hunter2", "hunter3", "wrong-Passw0rd")) {
            assertFalse(all.contains(secret), all);
        }
    }

    @Test
    void noOpCreateAndDropAreNotRecordedAndFailedStatementsAreNot() {
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE NAMESPACE IF NOT EXISTS app");
        db.run(root(), "DROP USER IF EXISTS nobody");
        db.fails(ErrorCode.PERMISSION_DENIED, user("mallory"), "CREATE USER eve WITH PASSWORD 'Passw0rd!x'");
        assertEquals(List.of(entry("root", "create_namespace", "app", null)), entries());
    }

    @Test
    void loginsAndFailedLoginsAreRecordedWithTheAddressWhenKnown() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'S3cret-pw!' ROLE user");
        db.engine().auth().login("alice", "S3cret-pw!", "203.0.113.7");
        assertThrows(KalamException.class, () -> db.engine().auth().login("alice", "nope-nope", "203.0.113.8"));
        assertThrows(KalamException.class, () -> db.engine().auth().login("ghost", "whatever-secret-1"));

        List<List<Object>> rows = entries();
        assertEquals(Arrays.asList("alice", "login", "alice", "alice", "203.0.113.7"), rows.get(1));
        assertEquals(Arrays.asList(null, "login_failed", "alice", "alice", "203.0.113.8"), rows.get(2));
        assertEquals(Arrays.asList(null, "login_failed", "ghost", "ghost", null), rows.get(3));
    }

    @Test
    void killJobAndKillLiveQueryAreRecorded() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        db.engine().jobs().register(JobType.DELETED_RETENTION, (job, control) -> {
            while (!control.cancelled()) {
                started.countDown();
                Thread.sleep(1);
            }
            return "Purged nothing";
        });
        CompletableFuture<JobRecord> submitted = CompletableFuture.supplyAsync(
                () -> db.engine().jobs().submit(JobType.DELETED_RETENTION, null, Map.of(), null));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        String id = (String) db.column(root(), "SELECT job_id FROM system.jobs WHERE status = 'running'").get(0);
        db.run(as("ops", Role.DBA), "KILL JOB '" + id + "'");
        submitted.get(10, TimeUnit.SECONDS);
        assertEquals(entry("ops", "kill_job", id, null), last());

        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE TABLE app.todos (id BIGINT PRIMARY KEY, title TEXT) WITH (TYPE = 'USER')");
        SqlSession alice = user("alice");
        db.engine().liveQueries().subscribe(alice, "c1", "s1", "SELECT * FROM app.todos",
                SubscriptionOptions.defaults(), new DiscardingSink());
        db.run(alice, "KILL LIVE QUERY 'c1-s1'");
        assertEquals(entry("alice", "kill_live_query", "c1-s1", null), last());
    }

    @Test
    void onlyDbaAndSystemReadTheView() {
        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), "SELECT * FROM system.audit_log");
        db.fails(ErrorCode.PERMISSION_DENIED, as("svc", Role.SERVICE), "SELECT COUNT(*) FROM system.audit_log");
        assertEquals(List.of(0L), db.column(as("ops", Role.DBA), "SELECT COUNT(*) FROM system.audit_log"));
    }

    @Test
    void sqlCannotWriteOrDeleteEntries() {
        db.run(root(), "CREATE NAMESPACE app");
        List<List<Object>> before = db.rows(root(), "SELECT * FROM system.audit_log");

        db.fails(ErrorCode.PERMISSION_DENIED, root(), "INSERT INTO system.audit_log (audit_id, action) "
                + "VALUES ('1', 'login')");
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "DELETE FROM system.audit_log");
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "UPDATE system.audit_log SET action = 'login'");
        assertThrows(KalamException.class, () -> db.run(root(), "DROP TABLE system.audit_log"));

        assertEquals(before, db.rows(root(), "SELECT * FROM system.audit_log"));
    }

    @Test
    void entriesSurviveARestart() {
        db.run(root(), "CREATE NAMESPACE app");
        List<List<Object>> before = db.rows(root(), "SELECT * FROM system.audit_log");
        db.restart();
        assertEquals(before, db.rows(root(), "SELECT * FROM system.audit_log"));
        db.run(root(), "DROP NAMESPACE app");
        List<List<Object>> after = entries();
        assertEquals(List.of(entry("root", "create_namespace", "app", null),
                entry("root", "drop_namespace", "app", null)), after);
        List<Object> ids = db.column(root(), "SELECT audit_id FROM system.audit_log ORDER BY audit_id");
        assertTrue(Long.parseLong((String) ids.get(0)) < Long.parseLong((String) ids.get(1)));
    }

    @Test
    void timestampIsWhenTheEntryWasWritten() {
        long before = System.currentTimeMillis();
        db.run(root(), "CREATE NAMESPACE app");
        AuditEntry e = db.engine().audit().entries().get(0);
        assertTrue(e.timestampMillis() >= before && e.timestampMillis() <= System.currentTimeMillis());
        assertNotNull(db.column(root(), "SELECT \"timestamp\" FROM system.audit_log").get(0));
        assertNull(e.details());
    }

    /** A sink that drops every event. */
    private static final class DiscardingSink implements LiveSink {
        @Override
        public boolean offer(io.kalamdb.core.live.LiveEvent event) {
            return true;
        }

        @Override
        public void overflow(String subscriptionId, long lastDeliveredSeq) {
        }
    }
}
