package io.kalamdb.core.jobs;

/**
 * Hands queued jobs to whatever runs them: on the server, Jakarta Batch ({@code JobOperator.start} of the job XML
 * named by the job type, whose batchlet calls {@link JobManager#run}); in tests and embedded use,
 * {@link InlineJobLauncher}. Installed with {@link JobManager#start}.
 */
@FunctionalInterface
public interface JobLauncher {
    /**
     * Arranges for {@link JobManager#run}{@code (job.id())} to be called, now or later, on some thread.
     *
     * @param job the job, status queued
     * @throws RuntimeException if the job cannot be started: it is then marked failed with this error
     */
    void launch(JobRecord job);
}
