package io.kalamdb.core.cold;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.jobs.JobControl;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobWork;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import java.util.List;

/**
 * The work of a {@code deleted-retention} job: purges soft-deleted rows whose tombstone is older than the
 * table's {@code DELETED_RETENTION_HOURS} from the hot store and the segments ({@link DeletedRetention}), for
 * the job's table or, without one, every USER and SHARED table. A table without the option keeps tombstones
 * {@code default_hours} (parameter; default {@value #DEFAULT_RETENTION_HOURS}, 7 days). Progress is the fraction
 * of tables done; {@code KILL JOB} stops it between partitions, what was purged stays purged.
 */
public final class DeletedRetentionJob implements JobWork {
    /** Job parameter: the retention of tables without DELETED_RETENTION_HOURS, whole hours ≥ 0. */
    public static final String DEFAULT_HOURS = "default_hours";
    /** The retention of tables without DELETED_RETENTION_HOURS when the job names none, hours (7 days). */
    public static final long DEFAULT_RETENTION_HOURS = 168;

    private final Catalog catalog;
    private final DeletedRetention retention;

    /**
     * @param catalog   the tables and their options
     * @param retention does the purge
     */
    public DeletedRetentionJob(Catalog catalog, DeletedRetention retention) {
        this.catalog = catalog;
        this.retention = retention;
    }

    /**
     * @return e.g. {@code Purged 3 soft-deleted row(s) (1 hot, 2 cold) from 2 table(s), rewrote 1 segment(s)}
     * @throws IllegalArgumentException if {@code default_hours} is not a whole number ≥ 0
     * @throws KalamException TABLE_NOT_FOUND if the job's table does not exist; SQL_EXECUTION_ERROR if it is a
     *                        STREAM table; INTERNAL_ERROR if a segment cannot be rewritten
     */
    @Override
    public String run(JobRecord job, JobControl control) {
        long defaultHours = job.countParameter(DEFAULT_HOURS, DEFAULT_RETENTION_HOURS);
        List<TableDefinition> targets = job.table() != null ? List.of(catalog.requireTable(job.table()))
                : catalog.allTables().stream().filter(t -> t.type() != TableType.STREAM).toList();
        DeletedRetention.Result result = DeletedRetention.Result.NONE;
        int done = 0;
        for (TableDefinition table : targets) {
            if (control.cancelled()) {
                break;
            }
            Integer hours = table.options().deletedRetentionHours();
            result = result.plus(retention.purge(table, hours != null ? hours : defaultHours, control::cancelled));
            control.progress(++done / (double) targets.size());
        }
        return "Purged " + result.purged() + " soft-deleted row(s) (" + result.hot() + " hot, " + result.cold()
                + " cold) from " + result.tables() + " table(s), rewrote " + result.segments() + " segment(s)";
    }
}
