package io.kalamdb.core.table;

import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import com.google.common.util.concurrent.Striped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.function.LongSupplier;

/**
 * The table stores of a server: creates and drops each table's column family, hands out
 * {@link TableStore}s and {@link StatementWrite}s, and owns the row-version ({@code _seq}) generator, the
 * write locks and the {@link ChangeFeed}. Thread-safe.
 */
public final class TableStores {
    private final KalamStore store;
    private final SnowflakeIdGenerator seq;
    private final LongSupplier clock;
    private final Map<TableId, TableStore> open = new ConcurrentHashMap<>();
    /** Write locks by (partition, owner) scope, striped so memory stays bounded with millions of users. */
    private final Striped<Lock> writeLocks = Striped.lock(1024);
    private final ChangeFeed changes = new ChangeFeed();
    private final WriteTracker writeTracker = new WriteTracker();
    private final ColdSegments cold;

    /**
     * @param store the RocksDB store
     * @param seq   the generator of {@code _seq} values
     */
    public TableStores(KalamStore store, SnowflakeIdGenerator seq) {
        this(store, seq, System::currentTimeMillis);
    }

    /**
     * @param store the RocksDB store
     * @param seq   the generator of {@code _seq} values
     * @param clock the time STREAM TTLs are measured against, epoch milliseconds (injectable for tests)
     */
    public TableStores(KalamStore store, SnowflakeIdGenerator seq, LongSupplier clock) {
        this(store, seq, clock, ColdSegments.NONE);
    }

    /**
     * @param store the RocksDB store
     * @param seq   the generator of {@code _seq} values
     * @param clock the time STREAM TTLs are measured against, epoch milliseconds (injectable for tests)
     * @param cold  the flushed segments reads also consult
     */
    public TableStores(KalamStore store, SnowflakeIdGenerator seq, LongSupplier clock, ColdSegments cold) {
        this.store = store;
        this.seq = seq;
        this.clock = clock;
        this.cold = cold;
    }

    /** Creates the table's column family (idempotent). */
    public void create(TableDefinition def) {
        store.createPartition(TableStore.partitionName(def.id(), def.type()));
    }

    /** Drops the table's column family and every row in it, then its flushed segments. */
    public void drop(TableDefinition def) {
        open.remove(def.id());
        store.dropPartition(TableStore.partitionName(def.id(), def.type()));
        cold.drop(def);
    }

    /** @return the row access of an existing table at its current definition */
    public TableStore forTable(TableDefinition def) {
        TableStore cached = open.get(def.id());
        if (cached == null || cached.definition() != def) {
            cached = TableStore.open(store, def, clock, cold, writeTracker);
            open.put(def.id(), cached);
        }
        return cached;
    }

    /**
     * Deletes the expired events of a STREAM table (older than its TTL at {@code nowMillis}), across all
     * users, in batches. Expired events are already invisible to reads; this reclaims their space.
     *
     * @return the number of events deleted
     */
    public int evictExpired(TableDefinition def, long nowMillis) {
        return StreamEviction.evict(store, forTable(def), nowMillis);
    }

    /**
     * Brings every user's partition of a STREAM table down to its MAX_BUFFER (after the cap was set or lowered),
     * deleting each user's oldest events beyond it. Each user's partition is trimmed in its own batch under that
     * user's write lock, serialised with their inserts. Hard deletes that publish no change events.
     *
     * @param def the table's current definition
     * @return the number of events deleted; 0 if the table is not a STREAM table or has no MAX_BUFFER
     */
    public int trimToBuffer(TableDefinition def) {
        TableStore table = forTable(def);
        if (table.maxBuffer() == null) {
            return 0;
        }
        int deleted = 0;
        for (UserId owner : table.hotOwners(null)) {
            try (StatementWrite write = newWrite()) {
                deleted += write.trimBuffer(table, owner);
                write.commit();
            }
        }
        return deleted;
    }

    /** @return the record of keys written while a flush runs */
    public WriteTracker writeTracker() {
        return writeTracker;
    }

    /**
     * @return the write lock of a (table, owner) scope — the one statements hold while they write there; a
     *         flush takes it to commit
     */
    public Lock writeLock(TableStore table, UserId owner) {
        return writeLocks.get(StatementWrite.scope(table, owner));
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
