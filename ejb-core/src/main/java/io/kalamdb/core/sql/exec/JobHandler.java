package io.kalamdb.core.sql.exec;

import io.kalamdb.core.jobs.JobManager;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobStatus;
import io.kalamdb.core.model.JobId;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlKillJob;

/** {@code KILL JOB 'id'} over the {@link JobManager}. */
public final class JobHandler {
    private final JobManager jobs;

    /** @param jobs the engine's jobs */
    public JobHandler(JobManager jobs) {
        this.jobs = jobs;
    }

    /**
     * Cancels a new or queued job, or asks a running one to stop.
     *
     * @return a message saying which (row count 1)
     * @throws io.kalamdb.core.model.KalamException as {@link JobManager#kill}; INVALID_PARAMETER for a blank id
     */
    public StatementResult kill(SqlKillJob stmt, StatementContext ctx) {
        JobRecord job = jobs.kill(new JobId(stmt.getJobId()), ctx.session().user(), ctx.session().role());
        String message = job.status() == JobStatus.CANCELLED ? "Cancelled job " + job.id()
                : "Cancelling job " + job.id() + ": it stops at its next cancellation check";
        return StatementResult.message(message, 1, ctx.session().user());
    }
}
