package io.kalamdb.core.jobs;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.util.Locale;

/**
 * The life cycle of a job (DESIGN.md §7): {@code new → queued → running → completed | failed | cancelled};
 * {@code skipped} for a job that never ran and never will. Lower-case on the wire.
 */
public enum JobStatus {
    /** Recorded, not yet handed to a launcher (none is started yet). */
    NEW,
    /** Handed to the launcher, waiting to run. */
    QUEUED,
    /** Running on some thread of this node. */
    RUNNING,
    /** Ran to the end; the message says what it did. */
    COMPLETED,
    /** Stopped by an error; the message and trace say which. */
    FAILED,
    /** Stopped by {@code KILL JOB} (or the batch container) before or while running. */
    CANCELLED,
    /** Never ran: the server stopped before it did and it is not re-queued (scheduled jobs run again later). */
    SKIPPED;

    /** @return the wire spelling, e.g. {@code "running"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true for new, queued and running: the job may still run or is running */
    public boolean active() {
        return this == NEW || this == QUEUED || this == RUNNING;
    }

    /**
     * @param text a wire name in any case
     * @return the status
     * @throws KalamException INTERNAL_ERROR for an unknown name (only stored records are parsed)
     */
    public static JobStatus parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Unknown job status '" + text + "'", e);
        }
    }
}
