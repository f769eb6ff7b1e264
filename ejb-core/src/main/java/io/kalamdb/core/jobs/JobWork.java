package io.kalamdb.core.jobs;

/**
 * What a job of one {@link JobType} does, registered with {@link JobManager#register}. Runs on the thread that
 * called {@link JobManager#run} (a Jakarta Batch thread on the server).
 *
 * <p>A work should check {@link JobControl#cancelled()} between units of work and, once it is true, undo what it
 * can of the unit in progress and return (or throw): the job then ends {@code cancelled}, whatever the work
 * returned, and the message says what was left done.
 */
@FunctionalInterface
public interface JobWork {
    /**
     * Does the job's work.
     *
     * @param job     the job, status running: its table and parameters
     * @param control cancellation flag and progress reporting
     * @return the result message for {@code system.jobs.message}: what was done, with counts (rows, bytes)
     * @throws Exception any failure: the job ends {@code failed} with the exception's message and stack trace
     */
    String run(JobRecord job, JobControl control) throws Exception;
}
