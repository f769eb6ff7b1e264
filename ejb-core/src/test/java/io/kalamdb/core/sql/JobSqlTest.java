package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.as;
import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobStatus;
import io.kalamdb.core.jobs.JobType;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.JobId;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code system.jobs} and {@code KILL JOB} through SQL (DESIGN.md §7). */
class JobSqlTest {
    private static final long NOW = 1_750_000_000_000L;

    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(NOW);
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir, clock::get);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void systemJobsShowsEachJobWithEveryColumn() {
        JobRecord job = db.engine().jobs().submit(JobType.JOB_CLEANUP, null, Map.of("retention_days", "30"),
                "job-cleanup");

        assertEquals(List.of("job_id", "job_type", "status", "namespace_id", "table_name", "parameters", "message",
                "exception_trace", "progress", "created_at", "started_at", "finished_at", "node_id", "memory_used",
                "cpu_used"), db.run(root(), "SELECT * FROM system.jobs").schema().stream().map(ResultColumn::name)
                .toList());
        assertEquals(List.of(Arrays.asList(job.id().value(), "job-cleanup", "completed", null, null,
                        "{\"retention_days\":\"30\"}", "Deleted 0 job(s) finished more than 30 day(s) ago", null, 1.0,
                        NOW * 1000, NOW * 1000, NOW * 1000, "1")),
                db.rows(root(), "SELECT job_id, job_type, status, namespace_id, table_name, parameters, message,"
                        + " exception_trace, progress, created_at, started_at, finished_at, node_id FROM system.jobs"));
        List<Object> usage = db.rows(root(), "SELECT memory_used, cpu_used FROM system.jobs").get(0);
        assertTrue(usage.stream().allMatch(v -> v instanceof Long n && n >= 0), usage.toString());
    }

    @Test
    void systemJobsNamesTheTableAJobWorksOn() {
        db.engine().jobs().register(JobType.DELETED_RETENTION, (job, control) -> "Worked on " + job.table());
        db.engine().jobs().submit(JobType.DELETED_RETENTION, TableId.of("app", "notes"), Map.of(),
                "deleted-retention:app.notes");

        assertEquals(List.of(List.of("deleted-retention", "completed", "app", "notes", "Worked on app.notes")),
                db.rows(root(), "SELECT job_type, status, namespace_id, table_name, message FROM system.jobs"
                        + " WHERE job_type = 'deleted-retention'"));
    }

    @Test
    void onlyDbaAndSystemReadSystemJobs() {
        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), "SELECT * FROM system.jobs");
        db.fails(ErrorCode.PERMISSION_DENIED, as("svc", Role.SERVICE), "SELECT job_id FROM system.jobs");
        assertEquals(List.of(0L), db.column(as("ops", Role.DBA), "SELECT COUNT(*) FROM system.jobs"));
    }

    @Test
    void killJobStopsARunningJobAsCancelled() throws Exception {
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

        StatementResult killed = db.run(as("ops", Role.DBA), "KILL JOB '" + id + "'");

        assertEquals("Cancelling job " + id + ": it stops at its next cancellation check", killed.message());
        assertEquals(JobStatus.CANCELLED, submitted.get(10, TimeUnit.SECONDS).status());
        assertEquals(List.of(List.of("cancelled", "Cancelled by KILL JOB (ops); Purged nothing")),
                db.rows(root(), "SELECT status, message FROM system.jobs WHERE job_id = ?", id));
        db.fails(ErrorCode.SQL_EXECUTION_ERROR, root(), "KILL JOB '" + id + "'");
    }

    @Test
    void killJobOfAnUnknownIdIsNotFound() {
        assertEquals("Job 'FL-123' does not exist",
                db.fails(ErrorCode.NOT_FOUND, root(), "KILL JOB 'FL-123'").getMessage());
    }

    @Test
    void killJobIsForDbaAndSystemOnly() {
        JobId id = db.engine().jobs().submit(JobType.JOB_CLEANUP, null, Map.of(), null).id();

        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), "KILL JOB '" + id + "'");
        db.fails(ErrorCode.PERMISSION_DENIED, as("svc", Role.SERVICE), "KILL JOB 'FL-123'");
    }
}
