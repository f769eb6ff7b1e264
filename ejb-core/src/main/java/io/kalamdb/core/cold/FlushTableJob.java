package io.kalamdb.core.cold;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.jobs.JobControl;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobWork;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;

/**
 * The work of a {@code flush-table} job: flushes the job's table with the {@link TableFlusher}, resetting the
 * table's {@link FlushTriggers} as it starts. {@code KILL JOB} stops it between partitions or within 10,000
 * rows: the partition in progress is discarded (its temporary file deleted, its rows stay hot), partitions
 * already committed stay flushed — either way every row is in exactly one place.
 */
public final class FlushTableJob implements JobWork {
    private final Catalog catalog;
    private final TableFlusher flusher;
    private final FlushTriggers triggers;

    /**
     * @param catalog  the job's table definition
     * @param flusher  does the flush
     * @param triggers reset when the flush starts
     */
    public FlushTableJob(Catalog catalog, TableFlusher flusher, FlushTriggers triggers) {
        this.catalog = catalog;
        this.flusher = flusher;
        this.triggers = triggers;
    }

    /**
     * @return e.g. {@code Flushed 1000000 row(s), 8773496 byte(s) of Parquet, 1 partition(s)}
     * @throws KalamException TABLE_NOT_FOUND if the table was dropped meanwhile; the flusher's errors
     */
    @Override
    public String run(JobRecord job, JobControl control) {
        if (job.table() == null) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "A flush-table job needs a table");
        }
        TableDefinition table = catalog.requireTable(job.table());
        triggers.started(table.id());
        FlushResult result = flusher.flush(table, control::cancelled);
        control.progress(1.0);
        return "Flushed " + result.rows() + " row(s), " + result.bytes() + " byte(s) of Parquet, "
                + result.partitions() + " partition(s)";
    }
}
