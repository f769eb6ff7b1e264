package io.kalamdb.batch;

import io.kalamdb.core.model.JobId;
import io.kalamdb.core.runtime.EngineHolder;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The one step of every KalamDB job XML ({@code META-INF/batch-jobs/<job type>.xml}): runs the {@code system.jobs}
 * row named by the {@code jobId} job parameter on this batch thread through the engine's
 * {@link io.kalamdb.core.jobs.JobManager#run}, which records the outcome. The batch exit status is the job's final
 * status ({@code completed}, {@code failed}, {@code cancelled}); the batch status is COMPLETED unless the engine
 * itself is unavailable.
 */
@Named
@Dependent
public class EngineJobBatchlet extends AbstractBatchlet {
    @Inject
    EngineHolder engine;

    @Inject
    @BatchProperty
    String jobId;

    /**
     * @return the job's status after running, e.g. {@code "completed"}
     * @throws io.kalamdb.core.model.KalamException NOT_FOUND if no job has that id (the batch step then fails)
     */
    @Override
    public String process() {
        return engine.engine().jobs().run(new JobId(jobId)).status().wireName();
    }

    /** The container stops this execution: the job is cancelled like {@code KILL JOB}. */
    @Override
    public void stop() {
        engine.engine().jobs().cancel(new JobId(jobId), "Stopped by the batch container");
    }
}
