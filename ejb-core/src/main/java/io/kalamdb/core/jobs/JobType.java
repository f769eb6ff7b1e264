package io.kalamdb.core.jobs;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.util.Locale;

/**
 * The kinds of job (DESIGN.md §1). The wire name is the Jakarta Batch job XML name
 * ({@code META-INF/batch-jobs/<wire name>.xml}) and the {@code system.jobs.job_type} value; the two-letter
 * prefix starts every job id of the type.
 */
public enum JobType {
    /** Moves a table's hot rows to Parquet segments. */
    FLUSH_TABLE("flush-table", "FL"),
    /** Deletes expired events of every STREAM table (TTL_SECONDS). */
    STREAM_EVICTION("stream-eviction", "SE"),
    /** Purges soft-deleted rows older than a table's DELETED_RETENTION_HOURS. */
    DELETED_RETENTION("deleted-retention", "DR"),
    /** Removes finished {@code system.jobs} rows older than a retention. */
    JOB_CLEANUP("job-cleanup", "JC"),
    /** Removes users soft-deleted longer ago than a grace period. */
    USER_CLEANUP("user-cleanup", "UC");

    private final String wireName;
    private final String idPrefix;

    JobType(String wireName, String idPrefix) {
        this.wireName = wireName;
        this.idPrefix = idPrefix;
    }

    /** @return the wire spelling, e.g. {@code "flush-table"} */
    public String wireName() {
        return wireName;
    }

    /** @return the two upper-case letters that start this type's job ids, e.g. {@code "FL"} */
    public String idPrefix() {
        return idPrefix;
    }

    /**
     * @param text a wire name in any case
     * @return the job type
     * @throws KalamException INTERNAL_ERROR for an unknown name (only stored records are parsed)
     */
    public static JobType parse(String text) {
        String wire = text.trim().toLowerCase(Locale.ROOT);
        for (JobType t : values()) {
            if (t.wireName.equals(wire)) {
                return t;
            }
        }
        throw new KalamException(ErrorCode.INTERNAL_ERROR, "Unknown job type '" + text + "'");
    }
}
