package io.kalamdb.core.table;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.jobs.JobControl;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobWork;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The {@code stream-eviction} work: deletes the expired events (older than TTL_SECONDS) of every STREAM table,
 * one table after another ({@link TableStores#evictExpired}). Progress is the fraction of tables done. Cancelled,
 * it stops before the next table; what it evicted stays evicted (expired events are invisible to reads anyway,
 * so there is nothing to roll back).
 */
public final class StreamEvictionJob implements JobWork {
    private final Catalog catalog;
    private final TableStores tables;
    private final LongSupplier clock;

    /**
     * @param catalog where the STREAM tables are listed
     * @param tables  their row stores
     * @param clock   current time, epoch milliseconds (TTLs are measured against it)
     */
    public StreamEvictionJob(Catalog catalog, TableStores tables, LongSupplier clock) {
        this.catalog = catalog;
        this.tables = tables;
        this.clock = clock;
    }

    /** @return {@code "Evicted N expired event(s) from M STREAM table(s)"} */
    @Override
    public String run(JobRecord job, JobControl control) {
        Pass pass = evict(clock.getAsLong(), control);
        return "Evicted " + pass.events() + " expired event(s) from " + pass.tables() + " STREAM table(s)";
    }

    /**
     * Evicts, outside any job, what expired at {@code nowMillis}.
     *
     * @param nowMillis the time TTLs are measured against, epoch milliseconds
     * @return the number of events deleted
     */
    public int evictAll(long nowMillis) {
        return evict(nowMillis, JobControl.NONE).events();
    }

    /** The tables done and events deleted by one pass. */
    private record Pass(int tables, int events) {
    }

    private Pass evict(long nowMillis, JobControl control) {
        List<TableDefinition> streams = catalog.allTables().stream().filter(def -> def.type() == TableType.STREAM)
                .toList();
        int done = 0;
        int events = 0;
        for (TableDefinition def : streams) {
            if (control.cancelled()) {
                break;
            }
            events += tables.evictExpired(def, nowMillis);
            control.progress(++done / (double) streams.size());
        }
        return new Pass(done, events);
    }
}
