package io.kalamdb.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.JobId;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.Durability;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job life cycle over a real RocksDB: submit, run, fail, idempotency, kill, restart recovery, purge. */
class JobManagerTest {
    private static final TableId TABLE = TableId.of("app", "notes");
    private static final UserId ROOT = UserId.ROOT;

    @TempDir
    Path dir;
    private KalamStore store;
    private final AtomicLong clock = new AtomicLong(1_750_000_000_000L);
    private JobManager jobs;
    /** Jobs handed to {@link #holdingLauncher}, which runs nothing: the test runs them when it wants. */
    private final List<JobRecord> launched = new ArrayList<>();
    private final JobLauncher holdingLauncher = launched::add;

    @BeforeEach
    void open() {
        store = KalamStore.open(dir.resolve("rocksdb"), Durability.RELAXED);
        jobs = newManager();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JobManager newManager() {
        JobManager manager = new JobManager(store, new SnowflakeIdGenerator(3), new AccessPolicy(), 3, clock::get);
        manager.recoverAfterRestart();
        return manager;
    }

    /** Runs a job on another thread; its work must block until the test lets it go. */
    private CompletableFuture<JobRecord> runInBackground(JobId id) {
        return CompletableFuture.supplyAsync(() -> jobs.run(id));
    }

    private void awaitStatus(JobId id, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jobs.find(id).orElseThrow().status() != status) {
            assertTrue(System.nanoTime() < deadline, () -> id + " never became " + status);
            Thread.sleep(5);
        }
    }

    @Test
    void aSubmittedJobRunsAndCompletesWithTheWorksMessage() {
        jobs.register(JobType.JOB_CLEANUP, (job, control) -> {
            control.progress(0.5);
            return "Deleted 3 job(s) for " + job.parameters().get("retention_days") + " day(s)";
        });
        jobs.start(new InlineJobLauncher(jobs));
        long submittedAt = clock.get();

        JobRecord job = jobs.submit(JobType.JOB_CLEANUP, null, Map.of("retention_days", "30"), null);

        assertEquals(JobStatus.COMPLETED, job.status());
        assertEquals("Deleted 3 job(s) for 30 day(s)", job.message());
        assertTrue(job.id().value().startsWith("JC-"), job.id().value());
        assertEquals(1.0, job.progress());
        assertEquals(submittedAt, job.createdAt());
        assertEquals(submittedAt, job.startedAt());
        assertEquals(submittedAt, job.finishedAt());
        assertEquals("3", job.nodeId());
        assertNotNull(job.cpuUsed());
        assertNotNull(job.memoryUsed());
        assertNull(job.exceptionTrace());
        assertEquals(List.of(job), jobs.list());
    }

    @Test
    void aFailingWorkRecordsItsMessageAndStackTrace() {
        jobs.register(JobType.USER_CLEANUP, (job, control) -> {
            throw new IllegalStateException("disk on fire");
        });
        jobs.start(new InlineJobLauncher(jobs));

        JobRecord job = jobs.submit(JobType.USER_CLEANUP, null, Map.of(), null);

        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("disk on fire", job.message());
        assertTrue(job.exceptionTrace().startsWith("java.lang.IllegalStateException: disk on fire"),
                job.exceptionTrace());
        assertTrue(job.exceptionTrace().contains("at io.kalamdb.core.jobs.JobManagerTest"), job.exceptionTrace());
        assertNotNull(job.finishedAt());
    }

    @Test
    void aJobTypeWithoutRegisteredWorkFailsSayingSo() {
        jobs.start(new InlineJobLauncher(jobs));

        JobRecord job = jobs.submit(JobType.FLUSH_TABLE, TABLE, Map.of(), "flush-table:app.notes");

        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("No work is registered for job type flush-table on this server", job.message());
        assertEquals(TABLE, job.table());
        assertNotEquals(job.id(), jobs.submit(JobType.FLUSH_TABLE, TABLE, Map.of(), "flush-table:app.notes").id(),
                "a finished job releases its idempotency key");
    }

    @Test
    void jobsWaitAsNewUntilALauncherIsStartedThenAreQueued() {
        JobRecord waiting = jobs.submit(JobType.STREAM_EVICTION, null, Map.of(), null);
        assertEquals(JobStatus.NEW, waiting.status());

        jobs.start(holdingLauncher);

        assertEquals(List.of(waiting.id()), launched.stream().map(JobRecord::id).toList());
        assertEquals(JobStatus.QUEUED, jobs.find(waiting.id()).orElseThrow().status());
        assertEquals(JobStatus.QUEUED, jobs.submit(JobType.STREAM_EVICTION, null, Map.of(), null).status());
        assertEquals(2, launched.size());
    }

    @Test
    void aLauncherThatCannotStartTheJobFailsIt() {
        jobs.start(job -> {
            throw new IllegalStateException("no job XML named stream-eviction");
        });

        JobRecord job = jobs.submit(JobType.STREAM_EVICTION, null, Map.of(), "stream-eviction");

        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("The job could not be started: no job XML named stream-eviction", job.message());
        assertTrue(job.exceptionTrace().contains("IllegalStateException"), job.exceptionTrace());
    }

    @Test
    void submittingWithTheKeyOfAnActiveJobReturnsThatJob() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        jobs.register(JobType.FLUSH_TABLE, (job, control) -> {
            release.await();
            return "Flushed 10 row(s)";
        });
        jobs.start(holdingLauncher);
        JobRecord first = jobs.submit(JobType.FLUSH_TABLE, TABLE, Map.of(), "flush-table:app.notes");
        assertEquals(first.id(), jobs.submit(JobType.FLUSH_TABLE, TABLE, Map.of(), "flush-table:app.notes").id(),
                "while queued");

        CompletableFuture<JobRecord> running = runInBackground(first.id());
        awaitStatus(first.id(), JobStatus.RUNNING);
        JobRecord again = jobs.submit(JobType.FLUSH_TABLE, TABLE, Map.of(), "flush-table:app.notes");
        assertEquals(first.id(), again.id(), "while running");
        assertEquals(JobStatus.RUNNING, again.status());
        assertEquals(1, launched.size());
        JobRecord other = jobs.submit(JobType.FLUSH_TABLE, TableId.of("app", "other"), Map.of(),
                "flush-table:app.other");
        assertNotEquals(first.id(), other.id(), "another key is another job");

        release.countDown();
        assertEquals(JobStatus.COMPLETED, running.get(10, TimeUnit.SECONDS).status());
        assertNotEquals(first.id(), jobs.submit(JobType.FLUSH_TABLE, TABLE, Map.of(), "flush-table:app.notes").id(),
                "after it finished");
    }

    @Test
    void aJobRunsAtMostOnce() {
        AtomicInteger runs = new AtomicInteger();
        jobs.register(JobType.JOB_CLEANUP, (job, control) -> "run " + runs.incrementAndGet());
        jobs.start(holdingLauncher);
        JobId id = jobs.submit(JobType.JOB_CLEANUP, null, Map.of(), null).id();

        JobRecord first = jobs.run(id);
        JobRecord second = jobs.run(id);

        assertEquals(1, runs.get());
        assertEquals(first, second);
        assertEquals("run 1", second.message());
    }

    @Test
    void killingARunningJobStopsItAsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        jobs.register(JobType.STREAM_EVICTION, (job, control) -> {
            int rounds = 0;
            while (!control.cancelled()) {
                control.progress(0.25);
                started.countDown();
                rounds++;
                Thread.sleep(1);
            }
            return "Rolled back after " + (rounds > 0 ? "some" : "no") + " rounds";
        });
        jobs.start(holdingLauncher);
        JobId id = jobs.submit(JobType.STREAM_EVICTION, null, Map.of(), "stream-eviction").id();
        CompletableFuture<JobRecord> running = runInBackground(id);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertEquals(0.25, jobs.find(id).orElseThrow().progress(), "live progress of a running job");

        JobRecord asked = jobs.kill(id, new UserId("ops"), Role.DBA);

        assertEquals(JobStatus.RUNNING, asked.status(), "it stops at its next check");
        JobRecord done = running.get(10, TimeUnit.SECONDS);
        assertEquals(JobStatus.CANCELLED, done.status());
        assertEquals("Cancelled by KILL JOB (ops); Rolled back after some rounds", done.message());
        assertEquals(0.25, done.progress());
        assertNotNull(done.finishedAt());
        assertNull(done.exceptionTrace());
        assertNotEquals(id, jobs.submit(JobType.STREAM_EVICTION, null, Map.of(), "stream-eviction").id());
    }

    @Test
    void killingAQueuedJobCancelsItAtOnceAndItNeverRuns() {
        AtomicInteger runs = new AtomicInteger();
        jobs.register(JobType.USER_CLEANUP, (job, control) -> "run " + runs.incrementAndGet());
        jobs.start(holdingLauncher);
        JobId id = jobs.submit(JobType.USER_CLEANUP, null, Map.of(), "user-cleanup").id();

        JobRecord killed = jobs.kill(id, ROOT, Role.SYSTEM);

        assertEquals(JobStatus.CANCELLED, killed.status());
        assertEquals("Cancelled by KILL JOB (root)", killed.message());
        assertEquals(JobStatus.CANCELLED, jobs.run(id).status());
        assertEquals(0, runs.get());
    }

    @Test
    void killingAnUnknownJobIsNotFound() {
        KalamException e = assertThrows(KalamException.class,
                () -> jobs.kill(new JobId("FL-42"), ROOT, Role.SYSTEM));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals("Job 'FL-42' does not exist", e.getMessage());
    }

    @Test
    void killingAFinishedJobSaysItIsNotRunning() {
        jobs.register(JobType.JOB_CLEANUP, (job, control) -> "done");
        jobs.start(new InlineJobLauncher(jobs));
        JobId id = jobs.submit(JobType.JOB_CLEANUP, null, Map.of(), null).id();

        KalamException e = assertThrows(KalamException.class, () -> jobs.kill(id, ROOT, Role.SYSTEM));

        assertEquals(ErrorCode.SQL_EXECUTION_ERROR, e.code());
        assertEquals("Job '" + id + "' is not running: it is completed", e.getMessage());
    }

    @Test
    void onlyDbaAndSystemMayKillJobs() {
        jobs.start(holdingLauncher);
        JobId id = jobs.submit(JobType.JOB_CLEANUP, null, Map.of(), null).id();

        for (Role role : List.of(Role.USER, Role.SERVICE)) {
            KalamException e = assertThrows(KalamException.class, () -> jobs.kill(id, new UserId("bob"), role));
            assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
        }
        assertEquals(JobStatus.QUEUED, jobs.find(id).orElseThrow().status());
    }

    @Test
    void afterARestartRunningJobsFailAndFlushesAreRequeued() {
        JobStore stored = new JobStore(store);
        JobRecord eviction = running(JobRecord.created(new JobId("SE-100"), JobType.STREAM_EVICTION, null, Map.of(),
                "stream-eviction", clock.get()));
        JobRecord flush = running(JobRecord.created(new JobId("FL-101"), JobType.FLUSH_TABLE, TABLE,
                Map.of("rows", "1000"), "flush-table:app.notes", clock.get()));
        JobRecord queuedFlush = JobRecord.created(new JobId("FL-102"), JobType.FLUSH_TABLE, TableId.of("app", "b"),
                Map.of(), "flush-table:app.b", clock.get()).withStatus(JobStatus.QUEUED);
        JobRecord queuedCleanup = JobRecord.created(new JobId("JC-103"), JobType.JOB_CLEANUP, null, Map.of(),
                "job-cleanup", clock.get()).withStatus(JobStatus.QUEUED);
        List.of(eviction, flush, queuedFlush, queuedCleanup).forEach(stored::save);
        clock.addAndGet(5_000);

        JobManager restarted = newManager();

        JobRecord failedEviction = restarted.find(eviction.id()).orElseThrow();
        assertEquals(JobStatus.FAILED, failedEviction.status());
        assertEquals("Server stopped while the job was running", failedEviction.message());
        assertEquals(clock.get(), failedEviction.finishedAt());
        JobRecord failedFlush = restarted.find(flush.id()).orElseThrow();
        assertEquals(JobStatus.FAILED, failedFlush.status());
        assertTrue(failedFlush.message().startsWith("Server stopped while the job was running; re-queued as FL-"),
                failedFlush.message());
        JobRecord requeued = restarted.submit(JobType.FLUSH_TABLE, TABLE, Map.of(), "flush-table:app.notes");
        assertEquals(failedFlush.message().substring(failedFlush.message().lastIndexOf(' ') + 1),
                requeued.id().value(), "the re-queued flush holds the table's idempotency key");
        assertEquals(JobStatus.NEW, requeued.status());
        assertEquals(Map.of("rows", "1000"), requeued.parameters());
        assertEquals(TABLE, requeued.table());
        assertEquals(JobStatus.NEW, restarted.find(queuedFlush.id()).orElseThrow().status());
        JobRecord skipped = restarted.find(queuedCleanup.id()).orElseThrow();
        assertEquals(JobStatus.SKIPPED, skipped.status());
        assertEquals("Server stopped before the job ran", skipped.message());

        restarted.start(holdingLauncher);
        assertEquals(List.of(queuedFlush.id(), requeued.id()), launched.stream().map(JobRecord::id).sorted()
                .toList());
    }

    @Test
    void purgeDeletesOnlyFinishedJobsOlderThanTheCutOff() {
        jobs.register(JobType.JOB_CLEANUP, (job, control) -> "done");
        jobs.register(JobType.USER_CLEANUP, (job, control) -> {
            throw new IllegalStateException("failed");
        });
        jobs.start(holdingLauncher);
        JobId queued = jobs.submit(JobType.JOB_CLEANUP, null, Map.of(), null).id();
        jobs.start(new InlineJobLauncher(jobs));
        JobId oldCompleted = jobs.submit(JobType.JOB_CLEANUP, null, Map.of(), null).id();
        JobId oldFailed = jobs.submit(JobType.USER_CLEANUP, null, Map.of(), null).id();
        long cutOff = clock.addAndGet(1_000);
        JobId recent = jobs.submit(JobType.JOB_CLEANUP, null, Map.of(), null).id();

        assertEquals(2, jobs.purgeFinishedBefore(cutOff));

        assertEquals(List.of(queued, recent), jobs.list().stream().map(JobRecord::id).toList());
        assertTrue(jobs.find(oldCompleted).isEmpty());
        assertTrue(jobs.find(oldFailed).isEmpty());
    }

    private JobRecord running(JobRecord job) {
        return job.running(clock.get(), "3");
    }
}
