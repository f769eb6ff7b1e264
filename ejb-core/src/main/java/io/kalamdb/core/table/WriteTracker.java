package io.kalamdb.core.table;

import io.kalamdb.core.model.TableId;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which row keys of a table are written while a flush of that table is in progress, so the flush
 * can keep exactly those hot rows (DESIGN.md §3: a hot row is only deleted if its {@code _seq} is still the
 * one written to Parquet). Writers call {@link #written} under their partition lock, before committing; the
 * flush reads {@link #stop}'s result under the same locks, so every write that could have changed a flushed
 * row is seen. Thread-safe.
 */
public final class WriteTracker {
    private final Map<TableId, Set<ByteBuffer>> tracked = new ConcurrentHashMap<>();

    /**
     * Starts recording the written keys of a table.
     *
     * @throws IllegalStateException if the table is already tracked (one flush per table at a time)
     */
    public void start(TableId table) {
        if (tracked.putIfAbsent(table, ConcurrentHashMap.newKeySet()) != null) {
            throw new IllegalStateException("A flush of " + table + " is already tracking writes");
        }
    }

    /** Stops recording the written keys of a table (a no-op if it is not tracked). */
    public void stop(TableId table) {
        tracked.remove(table);
    }

    /**
     * @return the keys written so far, a live view (read it under the partition locks for a stable answer)
     */
    public Set<ByteBuffer> written(TableId table) {
        Set<ByteBuffer> keys = tracked.get(table);
        return keys == null ? Set.of() : keys;
    }

    /** Writer side: records that a statement is writing {@code key} of {@code table}. */
    void written(TableId table, byte[] key) {
        Set<ByteBuffer> keys = tracked.get(table);
        if (keys != null) {
            keys.add(ByteBuffer.wrap(key.clone()));
        }
    }
}
