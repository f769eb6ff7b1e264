package io.kalamdb.core.store;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The writes of one statement, committed atomically by {@link KalamStore#commit(StoreBatch)}. Not
 * thread-safe; close it (or commit it) once.
 */
public final class StoreBatch implements AutoCloseable {
    private final WriteBatch batch = new WriteBatch();
    private int operations;

    StoreBatch() {
    }

    /** Adds a put of {@code value} at {@code key} in {@code partition}. */
    public StoreBatch put(Partition partition, byte[] key, byte[] value) {
        try {
            batch.put(partition.handle(), key, value);
        } catch (RocksDBException e) {
            throw KalamStore.storageError("batch put", e);
        }
        operations++;
        return this;
    }

    /** Adds a delete of {@code key} in {@code partition}. */
    public StoreBatch delete(Partition partition, byte[] key) {
        try {
            batch.delete(partition.handle(), key);
        } catch (RocksDBException e) {
            throw KalamStore.storageError("batch delete", e);
        }
        operations++;
        return this;
    }

    /**
     * Adds a delete of every key in {@code [from, to)} in {@code partition} (a RocksDB range tombstone: one
     * operation however many keys it covers). Later operations of this batch win over it.
     */
    public StoreBatch deleteRange(Partition partition, byte[] from, byte[] to) {
        try {
            batch.deleteRange(partition.handle(), from, to);
        } catch (RocksDBException e) {
            throw KalamStore.storageError("batch delete range", e);
        }
        operations++;
        return this;
    }

    /** @return the number of puts and deletes added */
    public int size() {
        return operations;
    }

    WriteBatch writeBatch() {
        return batch;
    }

    @Override
    public void close() {
        batch.close();
    }
}
