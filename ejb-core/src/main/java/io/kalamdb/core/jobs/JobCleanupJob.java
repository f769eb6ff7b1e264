package io.kalamdb.core.jobs;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The {@code job-cleanup} work: deletes the {@code system.jobs} rows of jobs that finished more than
 * {@code retention_days} (parameter; default {@value #DEFAULT_RETENTION_DAYS}) days ago, in one atomic batch —
 * cancelled before it commits, it deletes nothing.
 */
public final class JobCleanupJob implements JobWork {
    /** Job parameter: how many days finished jobs are kept, a whole number ≥ 0. */
    public static final String RETENTION_DAYS = "retention_days";
    /** Days finished jobs are kept when the job names no retention. */
    public static final long DEFAULT_RETENTION_DAYS = 30;

    private final JobManager jobs;
    private final LongSupplier clock;

    /**
     * @param jobs  the jobs to clean up
     * @param clock current time, epoch milliseconds
     */
    public JobCleanupJob(JobManager jobs, LongSupplier clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException if {@code retention_days} is not a whole number ≥ 0 */
    @Override
    public String run(JobRecord job, JobControl control) {
        long days = job.countParameter(RETENTION_DAYS, DEFAULT_RETENTION_DAYS);
        if (control.cancelled()) {
            return "Nothing deleted";
        }
        int deleted = jobs.purgeFinishedBefore(clock.getAsLong() - TimeUnit.DAYS.toMillis(days));
        return "Deleted " + deleted + " job(s) finished more than " + days + " day(s) ago";
    }
}
