package io.kalamdb.core.jobs;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.JobId;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The jobs of one engine (DESIGN.md §1, §7): records every job in {@code system_jobs} and moves it through
 * {@code new → queued → running → completed | failed | cancelled} (or {@code skipped}).
 *
 * <ul>
 * <li><b>Submitting</b> records a job and hands it to the {@link JobLauncher} installed by {@link #start}; until
 * one is, jobs wait as {@code new}. A job with an idempotency key while another job with that key is new, queued
 * or running is not created: {@link #submit} returns the active one (one flush per table at a time, one run of
 * each schedule at a time).</li>
 * <li><b>Running</b> ({@link #run}, called by the launcher's thread) looks up the {@link JobWork} registered for
 * the type and runs it on the calling thread, measuring that thread's CPU time and heap allocation. A job runs
 * at most once: {@code run} of a job that is not new or queued does nothing.</li>
 * <li><b>Killing</b> ({@link #kill}) cancels a new or queued job at once and asks a running one to stop; its
 * work sees {@link JobControl#cancelled()} and the job ends {@code cancelled}.</li>
 * <li><b>Restart</b> ({@link #recoverAfterRestart}): jobs left running by a stopped server are marked failed;
 * flushes are re-queued.</li>
 * </ul>
 *
 * <p>Job ids are the type's two-letter prefix, a dash and a Snowflake id from the engine's generator
 * ({@code FL-311487529436729344}, see {@link JobId}). Thread-safe: state changes are serialised on one lock; works
 * run outside it.
 */
public final class JobManager {
    private static final Logger LOG = Logger.getLogger(JobManager.class.getName());
    /** Message of a job that was running when the server stopped. */
    static final String STOPPED_WHILE_RUNNING = "Server stopped while the job was running";

    private final JobStore store;
    private final SnowflakeIdGenerator ids;
    private final AccessPolicy policy;
    private final String nodeId;
    private final LongSupplier clock;
    private final Map<JobType, JobWork> works = new ConcurrentHashMap<>();
    /** Serialises every state change (and the reads that decide one). */
    private final Object lock = new Object();
    /** Idempotency key → the active (new, queued or running) job holding it. Guarded by {@link #lock}. */
    private final Map<String, JobId> activeByKey = new HashMap<>();
    /** Jobs running on this node: their cancel flag and progress. */
    private final Map<JobId, Run> running = new ConcurrentHashMap<>();
    private volatile JobLauncher launcher;

    /**
     * @param store  the store holding {@code system_jobs}
     * @param ids    the engine's Snowflake generator (job ids)
     * @param policy decides who may kill jobs
     * @param nodeId this node's id, recorded on each job it runs
     * @param clock  current time, epoch milliseconds (the job timestamps)
     */
    public JobManager(KalamStore store, SnowflakeIdGenerator ids, AccessPolicy policy, int nodeId,
                      LongSupplier clock) {
        this.store = new JobStore(store);
        this.ids = ids;
        this.policy = policy;
        this.nodeId = Integer.toString(nodeId);
        this.clock = clock;
    }

    /**
     * Sets what jobs of {@code type} do, replacing any earlier registration. A job whose type has no work when it
     * runs fails with a message saying so.
     */
    public void register(JobType type, JobWork work) {
        works.put(type, Objects.requireNonNull(work, "work"));
    }

    /**
     * Installs the launcher and hands it every job waiting as {@code new} (in id order); later submissions go to
     * it directly.
     *
     * @param jobLauncher the launcher to use from now on
     */
    public void start(JobLauncher jobLauncher) {
        this.launcher = Objects.requireNonNull(jobLauncher, "launcher");
        List<JobId> waiting = new ArrayList<>();
        synchronized (lock) {
            store.all().stream().filter(j -> j.status() == JobStatus.NEW).forEach(j -> waiting.add(j.id()));
        }
        waiting.forEach(this::launch);
    }

    /**
     * Records a job and hands it to the launcher (status {@code queued}; {@code new} while no launcher is
     * started). With the inline launcher the job has run when this returns.
     *
     * @param type           what to do
     * @param tableOrNull    the table it works on, or null
     * @param parameters     type-specific settings (shown as JSON in {@code system.jobs.parameters})
     * @param idempotencyKey e.g. {@code flush-table:ns.t}: while a job with this key is new, queued or running,
     *                       that job is returned and nothing is created; null for no such guard
     * @return the job as it is now (the existing one for a held idempotency key)
     */
    public JobRecord submit(JobType type, TableId tableOrNull, Map<String, String> parameters,
                            String idempotencyKey) {
        JobRecord job;
        synchronized (lock) {
            JobId holder = idempotencyKey == null ? null : activeByKey.get(idempotencyKey);
            if (holder != null) {
                return current(holder);
            }
            job = JobRecord.created(newId(type), type, tableOrNull, parameters, idempotencyKey, clock.getAsLong());
            store.save(job);
            hold(job);
        }
        return launch(job.id());
    }

    /**
     * Runs a new or queued job on the calling thread: status {@code running}, then {@code completed} with the
     * work's message, {@code failed} with the error's message and stack trace (also when no work is registered
     * for the type), or {@code cancelled} if it was killed meanwhile. Records the start and finish times, this
     * node's id, and the calling thread's CPU time and heap allocation during the work. Does nothing for a job
     * that is running or finished, so a job never runs twice.
     *
     * @return the job as it is after running (or as found, when it did not run)
     * @throws KalamException NOT_FOUND if no job has that id
     */
    public JobRecord run(JobId id) {
        JobRecord job;
        JobWork work;
        Run run = new Run();
        synchronized (lock) {
            job = require(id);
            if (job.status() != JobStatus.NEW && job.status() != JobStatus.QUEUED) {
                return current(id);
            }
            work = works.get(job.type());
            if (work == null) {
                return finish(job, JobStatus.FAILED, "No work is registered for job type " + job.type().wireName()
                        + " on this server", null, null, null);
            }
            job = job.running(clock.getAsLong(), nodeId);
            store.save(job);
            running.put(id, run);
        }
        ThreadUsage before = ThreadUsage.sample();
        String message = null;
        Throwable failure = null;
        try {
            message = work.run(job, run);
        } catch (Exception | Error e) {
            failure = e;
        }
        ThreadUsage after = ThreadUsage.sample();
        JobRecord done;
        synchronized (lock) {
            running.remove(id);
            done = conclude(job.withProgress(run.progress), run, message, failure, after.bytesSince(before),
                    after.cpuMicrosSince(before));
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return done;
    }

    /**
     * {@code KILL JOB}: cancels a new or queued job at once (it never runs) and asks a running one to stop (it
     * ends {@code cancelled} when its work next checks; see {@link JobWork}).
     *
     * @param id     the job
     * @param caller who asks (named in the job's message)
     * @param role   the caller's role: dba or system
     * @return the job: {@code cancelled}, or still {@code running} while it stops
     * @throws KalamException PERMISSION_DENIED below dba; NOT_FOUND if no job has that id; SQL_EXECUTION_ERROR if
     *                        the job has finished already
     */
    public JobRecord kill(JobId id, UserId caller, Role role) {
        policy.checkManageJobs(role);
        synchronized (lock) {
            JobRecord job = require(id);
            if (!job.status().active()) {
                throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Job '" + id + "' is not running: it is "
                        + job.status().wireName());
            }
            return cancel(job, "Cancelled by KILL JOB (" + caller + ")");
        }
    }

    /**
     * Cancels a job like {@link #kill} but without a caller or permission check, and quietly does nothing for a
     * finished job: the path of a batch container stopping the job's execution.
     *
     * @param reason the cancelled job's message, e.g. {@code "Stopped by the batch container"}
     * @return the job as it is now
     * @throws KalamException NOT_FOUND if no job has that id
     */
    public JobRecord cancel(JobId id, String reason) {
        synchronized (lock) {
            JobRecord job = require(id);
            return job.status().active() ? cancel(job, reason) : job;
        }
    }

    /**
     * Start-up recovery; call once when the engine opens, before anything is submitted. Jobs left running by a
     * stopped server become {@code failed} ({@value #STOPPED_WHILE_RUNNING}); left new or queued, they lost their
     * place in the batch container's queue: flushes wait as {@code new} for the launcher (a running flush is
     * re-submitted as a new job with the same table, parameters and idempotency key), other jobs are
     * {@code skipped} (scheduled ones run again at their next interval). New job ids are made to exceed every
     * stored one, even if the clock went back.
     */
    public void recoverAfterRestart() {
        synchronized (lock) {
            long now = clock.getAsLong();
            List<JobRecord> interrupted = new ArrayList<>();
            for (JobRecord job : store.all()) {
                ids.observe(snowflakeOf(job.id()));
                if (job.status() == JobStatus.RUNNING) {
                    interrupted.add(job);
                } else if (job.status().active() && job.type() == JobType.FLUSH_TABLE) {
                    JobRecord waiting = job.withStatus(JobStatus.NEW);
                    store.save(waiting);
                    hold(waiting);
                } else if (job.status().active()) {
                    store.save(job.finished(JobStatus.SKIPPED, "Server stopped before the job ran", null, now, null,
                            null));
                }
            }
            for (JobRecord job : interrupted) {
                String message = STOPPED_WHILE_RUNNING;
                boolean requeue = job.type() == JobType.FLUSH_TABLE
                        && (job.idempotencyKey() == null || !activeByKey.containsKey(job.idempotencyKey()));
                if (requeue) {
                    JobRecord again = JobRecord.created(newId(job.type()), job.type(), job.table(), job.parameters(),
                            job.idempotencyKey(), now);
                    store.save(again);
                    hold(again);
                    message += "; re-queued as " + again.id();
                }
                store.save(job.finished(JobStatus.FAILED, message, null, now, null, null));
            }
        }
    }

    /** @return every recorded job, oldest first (running ones with their current progress) */
    public List<JobRecord> list() {
        List<JobRecord> all = new ArrayList<>();
        for (JobRecord job : store.all()) {
            all.add(withLiveProgress(job));
        }
        all.sort(Comparator.comparingLong(JobRecord::createdAt).thenComparing(JobRecord::id));
        return all;
    }

    /** @return the job (a running one with its current progress), if it exists */
    public Optional<JobRecord> find(JobId id) {
        return store.find(id).map(this::withLiveProgress);
    }

    /**
     * Deletes the records of finished jobs (completed, failed, cancelled, skipped) that finished before
     * {@code epochMillis}, in one atomic batch. Active jobs are never deleted.
     *
     * @param epochMillis the cut-off, epoch milliseconds
     * @return the number of job records deleted
     */
    public int purgeFinishedBefore(long epochMillis) {
        List<JobId> old = new ArrayList<>();
        for (JobRecord job : store.all()) {
            if (!job.status().active() && job.finishedAt() != null && job.finishedAt() < epochMillis) {
                old.add(job.id());
            }
        }
        store.deleteAll(old);
        return old.size();
    }

    /** Hands a new job to the launcher, if one is started. */
    private JobRecord launch(JobId id) {
        JobLauncher target = launcher;
        if (target == null) {
            return current(id);
        }
        JobRecord queued;
        synchronized (lock) {
            JobRecord job = require(id);
            if (job.status() != JobStatus.NEW) {
                return current(id);
            }
            queued = job.withStatus(JobStatus.QUEUED);
            store.save(queued);
        }
        try {
            target.launch(queued);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job " + id + " could not be started", e);
            synchronized (lock) {
                JobRecord job = require(id);
                if (job.status() == JobStatus.QUEUED) {
                    finish(job, JobStatus.FAILED, "The job could not be started: " + describe(e), trace(e), null,
                            null);
                }
            }
        }
        return current(id);
    }

    /** Under the lock: the final status of a job whose work returned or threw. */
    private JobRecord conclude(JobRecord job, Run run, String message, Throwable failure, Long memory, Long cpu) {
        if (run.cancelled()) {
            String left = message != null ? message : failure != null ? describe(failure) : null;
            return finish(job, JobStatus.CANCELLED, run.reason + (left == null ? "" : "; " + left), null, memory, cpu);
        }
        if (failure != null) {
            LOG.log(Level.WARNING, "Job " + job.id() + " (" + job.type().wireName() + ") failed", failure);
            return finish(job, JobStatus.FAILED, describe(failure), trace(failure), memory, cpu);
        }
        return finish(job, JobStatus.COMPLETED, message, null, memory, cpu);
    }

    /** Under the lock: cancels an active job. */
    private JobRecord cancel(JobRecord job, String reason) {
        Run run = running.get(job.id());
        if (run != null) {
            run.cancel(reason);
            return withLiveProgress(job);
        }
        return finish(job, JobStatus.CANCELLED, reason, null, null, null);
    }

    /** Under the lock: stores a job's final state and releases its idempotency key. */
    private JobRecord finish(JobRecord job, JobStatus status, String message, String trace, Long memory, Long cpu) {
        JobRecord done = job.finished(status, message, trace, clock.getAsLong(), memory, cpu);
        store.save(done);
        if (done.idempotencyKey() != null) {
            activeByKey.remove(done.idempotencyKey(), done.id());
        }
        return done;
    }

    /** Under the lock: records an active job's idempotency key. */
    private void hold(JobRecord job) {
        if (job.idempotencyKey() != null) {
            activeByKey.put(job.idempotencyKey(), job.id());
        }
    }

    private JobId newId(JobType type) {
        return new JobId(type.idPrefix() + "-" + ids.nextId());
    }

    /** @return the Snowflake part of an id made by {@link #newId} */
    private static long snowflakeOf(JobId id) {
        return Long.parseLong(id.value().substring(id.value().indexOf('-') + 1));
    }

    private JobRecord current(JobId id) {
        return withLiveProgress(require(id));
    }

    private JobRecord require(JobId id) {
        return store.find(id).orElseThrow(() -> new KalamException(ErrorCode.NOT_FOUND, "Job '" + id
                + "' does not exist"));
    }

    private JobRecord withLiveProgress(JobRecord job) {
        Run run = job.status() == JobStatus.RUNNING ? running.get(job.id()) : null;
        return run == null ? job : job.withProgress(run.progress);
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** A running job's cancel flag and progress: the {@link JobControl} its work sees. */
    private static final class Run implements JobControl {
        private volatile String reason;
        private volatile double progress;

        @Override
        public boolean cancelled() {
            return reason != null;
        }

        @Override
        public void progress(double fraction) {
            if (!Double.isNaN(fraction)) {
                progress = Math.max(0.0, Math.min(1.0, fraction));
            }
        }

        void cancel(String why) {
            if (reason == null) {
                reason = why;
            }
        }
    }
}
