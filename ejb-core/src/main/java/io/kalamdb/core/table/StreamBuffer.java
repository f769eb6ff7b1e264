package io.kalamdb.core.table;

import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.StoreBatch;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The {@code MAX_BUFFER} cap of a STREAM table: one user's partition keeps at most that many events, the
 * newest by {@code _seq}; older ones are deleted in the same {@code WriteBatch} as the insert that pushed them
 * out, so no read sees more than the cap. Like TTL eviction ({@link StreamEviction}) these are hard deletes
 * that publish no change events: leaving the buffer is not a write. Callers hold the (table, owner) write lock.
 */
final class StreamBuffer {
    private StreamBuffer() {
    }

    /**
     * Stages the deletes that bring one user's partition down to the table's MAX_BUFFER once the batch commits.
     * Reads every key of the partition once (normally no more than the cap), holding at most the cap's worth of
     * keys in memory. Expired events that TTL eviction has not removed yet count too, and being the oldest, go first.
     *
     * @param table    a STREAM table with a MAX_BUFFER
     * @param owner    the partition owner
     * @param appended keys of the events this batch appends to the partition, in {@code _seq} order (all newer
     *                 than the stored ones: {@code _seq} grows and is drawn under the same lock)
     * @return the number of events evicted, stored or appended
     */
    static int trim(KalamStore store, StoreBatch batch, TableStore table, UserId owner, List<byte[]> appended) {
        long cap = table.maxBuffer();
        long keepStored = Math.max(0, cap - appended.size());
        ArrayDeque<byte[]> newest = new ArrayDeque<>();
        int evicted = 0;
        try (RangeScan scan = store.scan(table.partition(), KeyCodec.userPrefix(owner), KeyCodec.userRangeEnd(owner),
                null)) {
            while (scan.hasNext()) {
                newest.addLast(scan.next().key());
                if (newest.size() > keepStored) {
                    batch.delete(table.partition(), newest.removeFirst());
                    evicted++;
                }
            }
        }
        for (int i = 0; i < appended.size() - cap; i++) {
            batch.delete(table.partition(), appended.get(i));
            evicted++;
        }
        return evicted;
    }
}
