package io.kalamdb.core.table;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.RowCodec;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import io.kalamdb.core.store.StoreBatch;
import io.kalamdb.core.store.StoredRow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * The writes of one statement: staged, validated, then committed as one RocksDB {@code WriteBatch}
 * (DESIGN.md §3), so a statement that fails writes nothing. Each touched (table, owner) scope is locked from
 * the first {@link #lock} or write until {@link #close()}, which makes check-then-write (duplicate keys,
 * read-modify-write updates) race-free against other statements. Not thread-safe; use from one thread.
 */
public final class StatementWrite implements AutoCloseable {
    private static final long LOCK_TIMEOUT_SECONDS = 10;

    private final KalamStore store;
    private final SnowflakeIdGenerator seq;
    private final Function<String, Lock> locks;
    private final Set<Lock> held = new LinkedHashSet<>();
    private final StoreBatch batch;
    private final Map<ByteBuffer, StoredRow> staged = new HashMap<>();
    private final ChangeFeed feed;
    private final List<RowChange> changes = new ArrayList<>();
    /** Keys appended per capped STREAM partition, in {@code _seq} order; trimmed at commit. */
    private final Map<BufferScope, List<byte[]>> appended = new LinkedHashMap<>();
    private int affected;

    StatementWrite(KalamStore store, SnowflakeIdGenerator seq, Function<String, Lock> locks, ChangeFeed feed) {
        this.store = store;
        this.feed = feed;
        this.seq = seq;
        this.locks = locks;
        this.batch = store.newBatch();
    }

    /**
     * Locks the (table, owner) scope until {@link #close()}. Call before reading rows you are going to
     * rewrite.
     *
     * @throws KalamException SQL_EXECUTION_ERROR if the lock is not had within 10 s
     */
    public void lock(TableStore table, UserId owner) {
        Lock lock = locks.apply(scope(table, owner));
        if (held.contains(lock)) {
            return;
        }
        try {
            if (!lock.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Timed out waiting for a write lock on "
                        + table.tableId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Interrupted waiting for a write lock", e);
        }
        held.add(lock);
    }

    /** @return the name of a (table, owner) write-lock scope */
    static String scope(TableStore table, UserId owner) {
        return table.partition().name() + (table.type().isPerUser() ? "\u0000" + owner : "");
    }

    /**
     * Stages an insert of a new row.
     *
     * @param values        column values by column id (canonical Java values)
     * @param schemaVersion the table's current schema version
     * @return the row's {@code _seq}
     * @throws KalamException CONSTRAINT_VIOLATION if a live row with that key exists or was inserted earlier
     *                        in this statement
     */
    public long insert(TableStore table, UserId owner, Object pk, Object[] values, int schemaVersion) {
        lock(table, owner);
        byte[] key = table.key(owner, pk);
        StoredRow existing = current(table, owner, pk, key);
        if (existing != null && !existing.deleted()) {
            throw new KalamException(ErrorCode.CONSTRAINT_VIOLATION, "duplicate key value violates unique "
                    + "constraint: primary key " + pk + " already exists in " + table.tableId());
        }
        return put(table, owner, key, null, new StoredRow(schemaVersion, seq.nextId(), false, values));
    }

    /**
     * Stages an event of a STREAM table: appended under a new {@code _seq}, which is its key (no primary-key
     * uniqueness check: streams are append-only). If the table has a MAX_BUFFER, {@link #commit()} also
     * deletes the partition's oldest events beyond it — stored ones first, then, if this statement appends more
     * than the cap, its own oldest — in the same batch. Every appended event is published as an INSERT, also
     * one that the cap evicts at once; evictions publish nothing (as TTL expiry).
     *
     * @return the row's {@code _seq}
     */
    public long append(TableStore table, UserId owner, Object[] values, int schemaVersion) {
        lock(table, owner);
        long id = seq.nextId();
        byte[] key = table.key(owner, id);
        if (table.maxBuffer() != null) {
            appended.computeIfAbsent(new BufferScope(table, owner), s -> new ArrayList<>()).add(key);
        }
        return put(table, owner, key, null, new StoredRow(schemaVersion, id, false, values));
    }

    /**
     * Locks a STREAM partition and stages the eviction of its oldest events beyond the table's MAX_BUFFER (used
     * when the cap is lowered). Publishes nothing.
     *
     * @return the number of events that committing evicts
     */
    int trimBuffer(TableStore table, UserId owner) {
        lock(table, owner);
        return StreamBuffer.trim(store, batch, table, owner, List.of());
    }

    /**
     * Stages a new version of an existing row.
     *
     * @param current the version being replaced, as read by {@link #read} under this statement's lock
     * @return the new {@code _seq}
     */
    public long update(TableStore table, UserId owner, Object pk, StoredRow current, Object[] values,
                       int schemaVersion) {
        lock(table, owner);
        return put(table, owner, table.key(owner, pk), current,
                new StoredRow(schemaVersion, seq.nextId(), false, values));
    }

    /**
     * Stages a delete: a tombstone (soft delete, {@code _deleted = true}, values kept) for USER and SHARED
     * tables, a hard delete for STREAM tables.
     *
     * @param current the row being deleted
     */
    public void delete(TableStore table, UserId owner, Object pk, StoredRow current) {
        lock(table, owner);
        byte[] key = table.key(owner, pk);
        if (table.type() == TableType.STREAM) {
            batch.delete(table.partition(), key);
            staged.put(ByteBuffer.wrap(key), new StoredRow(current.schemaVersion(), current.seq(), true,
                    current.values()));
            changes.add(new RowChange(table.tableId(), owner, RowChange.Kind.DELETE, current, null, seq.nextId()));
            affected++;
            return;
        }
        put(table, owner, key, current, new StoredRow(current.schemaVersion(), seq.nextId(), true,
                current.values()));
    }

    /**
     * Reads a row as this statement sees it: its own staged version if any, else the stored one.
     *
     * @return the row (tombstones included) or null
     */
    public StoredRow read(TableStore table, UserId owner, Object pk) {
        return current(table, owner, pk, table.key(owner, pk));
    }

    /** This statement's staged version, else the stored one of either tier. */
    private StoredRow current(TableStore table, UserId owner, Object pk, byte[] key) {
        StoredRow mine = staged.get(ByteBuffer.wrap(key));
        return mine != null ? mine : table.get(owner, pk, key);
    }

    private long put(TableStore table, UserId owner, byte[] key, StoredRow before, StoredRow row) {
        table.recordWrite(key);
        batch.put(table.partition(), key, RowCodec.encode(row));
        staged.put(ByteBuffer.wrap(key), row);
        RowChange.Kind kind = row.deleted() ? RowChange.Kind.DELETE
                : before == null || before.deleted() ? RowChange.Kind.INSERT : RowChange.Kind.UPDATE;
        changes.add(new RowChange(table.tableId(), owner, kind, kind == RowChange.Kind.INSERT ? null : before, row,
                row.seq()));
        affected++;
        return row.seq();
    }

    /** @return the number of rows staged so far */
    public int affectedRows() {
        return affected;
    }

    /**
     * Commits every staged write atomically — with the evictions that keep each capped STREAM partition this
     * statement appended to within its MAX_BUFFER — then publishes the changes on the {@link ChangeFeed} (still
     * under this statement's locks, so per-partition order is commit order). After it returns the writes are
     * durable per the store's durability tier; if the commit fails nothing is published.
     *
     * @return the number of rows written (evictions not counted)
     */
    public int commit() {
        appended.forEach((scope, keys) -> StreamBuffer.trim(store, batch, scope.table(), scope.owner(), keys));
        store.commit(batch);
        feed.publish(changes);
        return affected;
    }

    /** Releases the locks; discards the batch if it was not committed. */
    @Override
    public void close() {
        batch.close();
        for (Lock lock : held) {
            lock.unlock();
        }
        held.clear();
    }

    /** One user's partition of one table. */
    private record BufferScope(TableStore table, UserId owner) {
    }
}
