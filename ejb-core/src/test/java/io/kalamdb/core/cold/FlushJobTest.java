package io.kalamdb.core.cold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobStatus;
import io.kalamdb.core.jobs.JobType;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLUSH statements, flush jobs in system.jobs, automatic triggers and KILL JOB on a flush. */
class FlushJobTest {
    @TempDir
    Path dir;
    final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    EngineFixture db;
    final SqlSession root = EngineFixture.root();

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir, now::get);
        db.run(root, "CREATE NAMESPACE app");
        db.run(root, "CREATE SHARED TABLE app.notes (id BIGINT PRIMARY KEY, body TEXT) "
                + "WITH (FLUSH_POLICY = 'rows:5,interval:60')");
        db.run(root, "CREATE USER TABLE app.msgs (id BIGINT PRIMARY KEY, body TEXT)");
        db.run(root, "CREATE STREAM TABLE app.events (id BIGINT PRIMARY KEY, body TEXT) WITH (TTL_SECONDS = 60)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<Object> job(Object jobId) {
        return db.rows(root, "SELECT job_type, status, namespace_id, table_name, message FROM system.jobs "
                + "WHERE job_id = $1", jobId).get(0);
    }

    @Test
    void flushTableReturnsAJobThatCompletesWithCounts() {
        db.run(root, "INSERT INTO app.notes VALUES (1, 'a'), (2, 'b')");
        var result = db.run(root, "FLUSH TABLE app.notes");
        assertEquals("job_id", result.schema().get(0).name());
        Object jobId = result.rows().get(0)[0];
        assertTrue(((String) jobId).startsWith("FL-"), (String) jobId);
        List<Object> job = job(jobId);
        assertEquals(List.of("flush-table", "completed", "app", "notes"), job.subList(0, 4));
        assertTrue(((String) job.get(4)).startsWith("Flushed 2 row(s), "), (String) job.get(4));
        assertEquals(1, db.engine().cold().manifests(TableId.of("app", "notes")).size());
        assertEquals(List.of("a", "b"), db.column(root, "SELECT body FROM app.notes ORDER BY id"));
        assertNotEquals(jobId, db.run(root, "STORAGE FLUSH TABLE app.notes").rows().get(0)[0]);
    }

    @Test
    void flushAllSkipsStreamTablesAndFlushRefusals() {
        db.run(root, "INSERT INTO app.notes VALUES (1, 'a')");
        db.run(EngineFixture.user("alice"), "INSERT INTO app.msgs VALUES (1, 'hi')");
        var result = db.run(root, "FLUSH ALL TABLES IN app");
        assertEquals(2, result.rows().size());
        for (Object[] row : result.rows()) {
            assertEquals("completed", job(row[0]).get(1));
        }
        assertEquals(List.of("hi"), db.column(EngineFixture.user("alice"), "SELECT body FROM app.msgs"));
        db.fails(ErrorCode.INVALID_SQL, root, "FLUSH TABLE app.events");
        db.fails(ErrorCode.TABLE_NOT_FOUND, root, "FLUSH TABLE app.nothing");
        db.fails(ErrorCode.NAMESPACE_NOT_FOUND, root, "FLUSH ALL TABLES IN nowhere");
        db.fails(ErrorCode.PERMISSION_DENIED, EngineFixture.user("alice"), "FLUSH TABLE app.notes");
    }

    @Test
    void rowAndIntervalPoliciesTriggerFlushes() {
        db.run(root, "INSERT INTO app.notes VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
        db.run(EngineFixture.user("alice"), "INSERT INTO app.msgs VALUES (1, 'hi')");
        assertEquals(List.of(), db.engine().submitDueFlushes(FlushPolicy.DEFAULT));
        db.run(root, "INSERT INTO app.notes VALUES (5, 'e')");
        List<JobRecord> due = db.engine().submitDueFlushes(FlushPolicy.DEFAULT);
        assertEquals(1, due.size());
        assertEquals(TableId.of("app", "notes"), due.get(0).table());
        assertEquals(JobStatus.COMPLETED, db.engine().jobs().find(due.get(0).id()).orElseThrow().status());
        assertEquals(List.of(), db.engine().submitDueFlushes(FlushPolicy.DEFAULT));
        db.run(root, "INSERT INTO app.notes VALUES (6, 'f')");
        now.addAndGet(61_000);
        assertEquals(List.of(TableId.of("app", "notes")), db.engine().submitDueFlushes(FlushPolicy.DEFAULT)
                .stream().map(JobRecord::table).toList(), "notes: its own 60 s interval; msgs: the default 300 s");
        now.addAndGet(300_000);
        assertEquals(List.of(TableId.of("app", "msgs")), db.engine().submitDueFlushes(FlushPolicy.DEFAULT)
                .stream().map(JobRecord::table).toList());
        assertEquals(2, db.engine().cold().manifests(TableId.of("app", "notes")).get(0).segments().size());
    }

    @Test
    void killJobStopsALongFlushAndLosesNothing() throws Exception {
        for (int chunk = 0; chunk < 30; chunk++) {
            StringBuilder sql = new StringBuilder("INSERT INTO app.msgs VALUES ");
            for (int i = 0; i < 10_000; i++) {
                sql.append(i == 0 ? "" : ", ").append('(').append(chunk * 10_000 + i).append(", 'row')");
            }
            db.run(EngineFixture.user("alice"), sql.toString());
        }
        for (int user = 0; user < 20; user++) {
            db.run(EngineFixture.user("u" + user), "INSERT INTO app.msgs VALUES (1, 'x')");
        }
        Thread flush = new Thread(() -> db.run(root, "FLUSH TABLE app.msgs"));
        flush.start();
        JobRecord running = null;
        for (int i = 0; i < 2000 && running == null; i++) {
            running = db.engine().jobs().list().stream()
                    .filter(j -> j.type() == JobType.FLUSH_TABLE && j.status() == JobStatus.RUNNING)
                    .findFirst().orElse(null);
            Thread.sleep(1);
        }
        assertTrue(running != null, "the flush never ran");
        db.fails(ErrorCode.PERMISSION_DENIED, EngineFixture.user("alice"), "KILL JOB '" + running.id().value() + "'");
        db.run(EngineFixture.as("admin", Role.DBA), "KILL JOB '" + running.id().value() + "'");
        flush.join();
        assertEquals("cancelled", job(running.id().value()).get(1));
        assertEquals(List.of(300_000L), db.column(EngineFixture.user("alice"), "SELECT COUNT(*) FROM app.msgs"));
        assertEquals(List.of("x"), db.column(EngineFixture.user("u7"), "SELECT body FROM app.msgs"));
        db.run(root, "FLUSH TABLE app.msgs");
        assertEquals(List.of(300_000L), db.column(EngineFixture.user("alice"), "SELECT COUNT(*) FROM app.msgs"));
    }
}
