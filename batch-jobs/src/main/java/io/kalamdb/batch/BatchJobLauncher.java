package io.kalamdb.batch;

import io.kalamdb.core.jobs.JobLauncher;
import io.kalamdb.core.jobs.JobRecord;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The server's {@link JobLauncher}: starts the job XML named by the job type's wire name
 * ({@code META-INF/batch-jobs/stream-eviction.xml}, …) through the Jakarta Batch {@code JobOperator}, passing the
 * job id as the {@value #JOB_ID} job parameter; {@link EngineJobBatchlet} then runs it on a batch thread.
 * Installed by {@link io.kalamdb.core.runtime.EngineHolder}. Lives in the batch-jobs jar (the EAR's
 * {@code lib/}) with the job XML, so the operator finds it whichever module starts the job.
 */
@ApplicationScoped
public class BatchJobLauncher implements JobLauncher {
    /** The job parameter naming the {@code system.jobs} row a batch execution runs. */
    public static final String JOB_ID = "jobId";

    private static final Logger LOG = Logger.getLogger(BatchJobLauncher.class.getName());

    /**
     * @throws jakarta.batch.operations.JobStartException if the batch runtime cannot start it (the job is then
     *                                                    marked failed)
     */
    @Override
    public void launch(JobRecord job) {
        Properties parameters = new Properties();
        parameters.setProperty(JOB_ID, job.id().value());
        long execution = BatchRuntime.getJobOperator().start(job.type().wireName(), parameters);
        LOG.fine(() -> "Job " + job.id() + " started as batch execution " + execution);
    }
}
