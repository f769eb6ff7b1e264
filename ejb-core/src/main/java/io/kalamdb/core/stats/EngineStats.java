package io.kalamdb.core.stats;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.cold.ColdStorage;
import io.kalamdb.core.cold.Manifest;
import io.kalamdb.core.cold.Segment;
import io.kalamdb.core.jobs.JobManager;
import io.kalamdb.core.jobs.JobStatus;
import io.kalamdb.core.live.LiveQueryManager;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.table.TableStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The figures behind {@code SHOW STATS [FOR TABLE t]} (per table: hot and cold rows, segments, bytes) and
 * {@code system.stats} (server metrics as name/value pairs). Computed on demand from RocksDB properties, the
 * manifests, the job records and the live-query registry; nothing is kept.
 */
public final class EngineStats {
    private final Catalog catalog;
    private final KalamStore store;
    private final ColdStorage cold;
    private final JobManager jobs;
    private final LiveQueryManager liveQueries;
    private final LongSupplier clock;
    private final long startedAt;

    /**
     * @param clock epoch milliseconds; the uptime counts from construction
     */
    public EngineStats(Catalog catalog, KalamStore store, ColdStorage cold, JobManager jobs,
                       LiveQueryManager liveQueries, LongSupplier clock) {
        this.catalog = catalog;
        this.store = store;
        this.cold = cold;
        this.jobs = jobs;
        this.liveQueries = liveQueries;
        this.clock = clock;
        this.startedAt = clock.getAsLong();
    }

    /**
     * @param only one table, or null for every table
     * @return the tables' figures, by namespace and name
     */
    public List<TableStats> tables(TableId only) {
        List<TableStats> out = new ArrayList<>();
        for (TableDefinition table : catalog.allTables()) {
            if (only != null && !only.equals(table.id())) {
                continue;
            }
            Partition family = store.partition(TableStore.partitionName(table.id(), table.type()));
            long coldRows = 0;
            long segments = 0;
            long coldBytes = 0;
            List<Manifest> manifests = cold.manifests(table.id());
            for (Manifest m : manifests) {
                for (Segment s : m.segments()) {
                    coldRows += s.rows();
                    coldBytes += s.bytes();
                    segments++;
                }
            }
            out.add(new TableStats(table.id(), table.type(), store.estimatedKeys(family), store.sstBytes(family),
                    coldRows, segments, coldBytes, manifests.stream().filter(m -> !m.segments().isEmpty()).count()));
        }
        out.sort((a, b) -> a.table().compareTo(b.table()));
        return out;
    }

    /**
     * @return {@code system.stats} rows {metric_name, metric_value}: uptime_seconds, heap_used_bytes,
     *         heap_max_bytes, namespaces, tables, hot_rows (estimate), hot_sst_bytes, cold_rows, cold_segments,
     *         cold_bytes, jobs, jobs_running, jobs_failed, live_subscriptions
     */
    public List<Object[]> metrics() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        List<TableStats> tables = tables(null);
        var allJobs = jobs.list();
        List<Object[]> rows = new ArrayList<>();
        rows.add(metric("uptime_seconds", (clock.getAsLong() - startedAt) / 1000));
        rows.add(metric("heap_used_bytes", heap.getUsed()));
        rows.add(metric("heap_max_bytes", heap.getMax()));
        rows.add(metric("namespaces", catalog.namespaces().size()));
        rows.add(metric("tables", tables.size()));
        rows.add(metric("hot_rows", tables.stream().mapToLong(TableStats::hotRows).sum()));
        rows.add(metric("hot_sst_bytes", tables.stream().mapToLong(TableStats::hotBytes).sum()));
        rows.add(metric("cold_rows", tables.stream().mapToLong(TableStats::coldRows).sum()));
        rows.add(metric("cold_segments", tables.stream().mapToLong(TableStats::segments).sum()));
        rows.add(metric("cold_bytes", tables.stream().mapToLong(TableStats::coldBytes).sum()));
        rows.add(metric("jobs", allJobs.size()));
        rows.add(metric("jobs_running", allJobs.stream().filter(j -> j.status() == JobStatus.RUNNING).count()));
        rows.add(metric("jobs_failed", allJobs.stream().filter(j -> j.status() == JobStatus.FAILED).count()));
        rows.add(metric("live_subscriptions", liveQueries.size()));
        return rows;
    }

    private static Object[] metric(String name, long value) {
        return new Object[] {name, value};
    }
}
