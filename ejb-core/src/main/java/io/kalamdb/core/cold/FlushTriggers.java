package io.kalamdb.core.cold;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.table.ChangeFeed;
import io.kalamdb.core.table.RowChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The automatic flush triggers of every USER and SHARED table: counts the rows written to each table since
 * its last flush (from the change feed) and answers which tables are due under their {@link FlushPolicy}.
 * A flush {@link #started starting} resets its table's counter and clock. Counters live in memory: after a
 * restart every table's interval starts again and rows written before it count from zero (they are in the
 * hot store, so nothing is lost — they are flushed with the next trigger). Thread-safe.
 */
public final class FlushTriggers implements AutoCloseable {
    private final Catalog catalog;
    private final LongSupplier clock;
    private final Map<TableId, AtomicLong> rowsSinceFlush = new ConcurrentHashMap<>();
    private final Map<TableId, Long> lastFlushAt = new ConcurrentHashMap<>();
    private final long startedAt;
    private final AutoCloseable subscription;

    /**
     * @param catalog  the tables and their policies
     * @param feed     committed changes, counted per table
     * @param clock    epoch milliseconds
     */
    public FlushTriggers(Catalog catalog, ChangeFeed feed, LongSupplier clock) {
        this.catalog = catalog;
        this.clock = clock;
        this.startedAt = clock.getAsLong();
        this.subscription = feed.subscribe(this::count);
    }

    /**
     * @param defaults the server's policy for what a table's FLUSH_POLICY leaves out
     * @return the tables whose row count or interval has come due
     */
    public List<TableDefinition> due(FlushPolicy defaults) {
        long now = clock.getAsLong();
        List<TableDefinition> out = new ArrayList<>();
        for (TableDefinition table : catalog.allTables()) {
            if (table.type() == TableType.STREAM) {
                continue;
            }
            AtomicLong rows = rowsSinceFlush.get(table.id());
            long written = rows == null ? 0 : rows.get();
            if (written == 0) {
                continue;
            }
            FlushPolicy policy = FlushPolicy.of(table.options().flushPolicy(), defaults);
            long since = lastFlushAt.getOrDefault(table.id(), startedAt);
            if (written >= policy.rows() || now - since >= policy.intervalSeconds() * 1000) {
                out.add(table);
            }
        }
        return out;
    }

    /** A flush of {@code table} is starting: its rows and interval count from now. */
    public void started(TableId table) {
        rowsSinceFlush.remove(table);
        lastFlushAt.put(table, clock.getAsLong());
    }

    private void count(List<RowChange> changes) {
        for (RowChange change : changes) {
            rowsSinceFlush.computeIfAbsent(change.table(), t -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Stops counting. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
