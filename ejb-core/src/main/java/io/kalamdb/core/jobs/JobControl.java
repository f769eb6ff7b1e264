package io.kalamdb.core.jobs;

/** What a running {@link JobWork} may ask of the job it runs in. Thread-safe. */
public interface JobControl {
    /** A control that is never cancelled and ignores progress: for running a work's logic outside any job. */
    JobControl NONE = new JobControl() {
        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void progress(double fraction) {
            // nothing shows the progress of work outside a job
        }
    };

    /** @return true once {@code KILL JOB} (or the batch container) asked the job to stop */
    boolean cancelled();

    /**
     * Reports how far the work is; shown in {@code system.jobs.progress} while the job runs.
     *
     * @param fraction 0.0 (nothing done) to 1.0 (all done); values outside are clamped, NaN is ignored
     */
    void progress(double fraction);
}
