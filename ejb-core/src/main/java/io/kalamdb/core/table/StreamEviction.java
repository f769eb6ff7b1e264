package io.kalamdb.core.table;

import io.kalamdb.core.model.TableType;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import io.kalamdb.core.store.StoreBatch;

/**
 * TTL eviction of a STREAM table: deletes every event whose {@code _seq} (key {@code userId 0x00 _seq})
 * is older than the table's TTL at a given time. Hard deletes, no change events: expiry is not a write.
 */
final class StreamEviction {
    private static final int BATCH = 10_000;

    private StreamEviction() {
    }

    static int evict(KalamStore store, TableStore table, long nowMillis) {
        Long ttl = table.definition().options().ttlSeconds();
        if (table.type() != TableType.STREAM || ttl == null) {
            return 0;
        }
        long floor = SnowflakeIdGenerator.firstIdAt(nowMillis - ttl * 1000L);
        int deleted = 0;
        StoreBatch batch = store.newBatch();
        try (RangeScan scan = store.scan(table.partition(), null, null, null)) {
            while (scan.hasNext()) {
                KeyValue kv = scan.next();
                if (KeyCodec.decodeLong(kv.key(), KeyCodec.afterUser(kv.key())) < floor) {
                    batch.delete(table.partition(), kv.key());
                    deleted++;
                    if (batch.size() >= BATCH) {
                        store.commit(batch);
                        batch = store.newBatch();
                    }
                }
            }
        }
        store.commit(batch);
        return deleted;
    }
}
