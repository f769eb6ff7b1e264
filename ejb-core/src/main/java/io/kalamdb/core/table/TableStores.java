package io.kalamdb.core.table;

import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import com.google.common.util.concurrent.Striped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;

/**
 * The table stores of a server: creates and drops each table's column family, hands out
 * {@link TableStore}s and {@link StatementWrite}s, and owns the row-version ({@code _seq}) generator, the
 * write locks and the {@link ChangeFeed}. Thread-safe.
 */
public final class TableStores {
    private final KalamStore store;
    private final SnowflakeIdGenerator seq;
    private final Map<TableId, TableStore> open = new ConcurrentHashMap<>();
    /** Write locks by (partition, owner) scope, striped so memory stays bounded with millions of users. */
    private final Striped<Lock> writeLocks = Striped.lock(1024);
    private final ChangeFeed changes = new ChangeFeed();

    /**
     * @param store the RocksDB store
     * @param seq   the generator of {@code _seq} values
     */
    public TableStores(KalamStore store, SnowflakeIdGenerator seq) {
        this.store = store;
        this.seq = seq;
    }

    /** Creates the table's column family (idempotent). */
    public void create(TableDefinition def) {
        store.createPartition(TableStore.partitionName(def.id(), def.type()));
    }

    /** Drops the table's column family and every row in it. */
    public void drop(TableDefinition def) {
        open.remove(def.id());
        store.dropPartition(TableStore.partitionName(def.id(), def.type()));
    }

    /** @return the row access of an existing table */
    public TableStore forTable(TableDefinition def) {
        return open.computeIfAbsent(def.id(), id -> TableStore.open(store, def));
    }

    /** @return the feed of committed changes */
    public ChangeFeed changes() {
        return changes;
    }

    /** @return a new write set for one statement's changes */
    public StatementWrite newWrite() {
        return new StatementWrite(store, seq, writeLocks::get, changes);
    }
}
