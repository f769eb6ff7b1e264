package io.kalamdb.core.jobs;

/**
 * Runs each job on the submitting thread, before {@link JobManager#submit} returns: the launcher of engine tests
 * and of tools that embed the engine without a container (the engine itself owns no threads; on the server
 * jobs run on Jakarta Batch threads).
 */
public final class InlineJobLauncher implements JobLauncher {
    private final JobManager jobs;

    /** @param jobs the manager whose jobs this launcher runs */
    public InlineJobLauncher(JobManager jobs) {
        this.jobs = jobs;
    }

    @Override
    public void launch(JobRecord job) {
        jobs.run(job.id());
    }
}
