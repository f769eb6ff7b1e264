package io.kalamdb.core.cold;

import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.StoreBatch;
import io.kalamdb.core.store.StoreSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifests of all flushed partitions, in the {@code system_manifests} column family under the key
 * {@code <namespace>.<table> 0x00 <owner>} (owner empty for SHARED tables), with the latest versions cached
 * in memory for point reads. A manifest changes only in the flush's commit batch ({@link #stage}); call
 * {@link #committed} after that batch commits. Thread-safe.
 */
final class ManifestStore {
    private final KalamStore store;
    private final Partition family;
    private final Map<String, Optional<Manifest>> latest = new ConcurrentHashMap<>();

    ManifestStore(KalamStore store) {
        this.store = store;
        this.family = store.partition(KalamStore.SYSTEM_MANIFESTS);
    }

    /**
     * @param snapshot the view to read, or null for the latest (served from the cache)
     * @return the partition's manifest, if it was ever flushed
     */
    Optional<Manifest> get(TableId table, UserId owner, StoreSnapshot snapshot) {
        String key = key(table, owner);
        if (snapshot == null) {
            return latest.computeIfAbsent(key, k -> read(k, null));
        }
        return read(key, snapshot);
    }

    /** Adds the write of {@code manifest} to a batch. */
    void stage(StoreBatch batch, Manifest manifest) {
        batch.put(family, key(manifest.table(), manifest.owner()).getBytes(StandardCharsets.UTF_8),
                ManifestCodec.encode(manifest));
    }

    /** Updates the cache after the batch that staged {@code manifest} committed. */
    void committed(Manifest manifest) {
        latest.put(key(manifest.table(), manifest.owner()), Optional.of(manifest));
    }

    /** @return every stored manifest (for the start-up sweep of unreferenced files) */
    List<Manifest> all() {
        return scan(null, null);
    }

    /** @return the stored manifests of one table's partitions (a prefix scan) */
    List<Manifest> ofTable(TableId table) {
        byte[] prefix = tablePrefix(table);
        return scan(prefix, KeyCodec.prefixEnd(prefix));
    }

    private List<Manifest> scan(byte[] from, byte[] to) {
        List<Manifest> out = new ArrayList<>();
        try (RangeScan scan = store.scan(family, from, to, null)) {
            while (scan.hasNext()) {
                out.add(ManifestCodec.decode(scan.next().value()));
            }
        }
        return out;
    }

    private static byte[] tablePrefix(TableId table) {
        return (table + "\u0000").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Adds the deletion of every manifest of {@code table} to a batch.
     *
     * @return the manifests deleted
     */
    List<Manifest> stageDrop(StoreBatch batch, TableId table) {
        byte[] prefix = tablePrefix(table);
        List<Manifest> dropped = new ArrayList<>();
        try (RangeScan scan = store.scan(family, prefix, KeyCodec.prefixEnd(prefix), null)) {
            while (scan.hasNext()) {
                KeyValue kv = scan.next();
                dropped.add(ManifestCodec.decode(kv.value()));
                batch.delete(family, kv.key());
            }
        }
        return dropped;
    }

    /** Forgets cached manifests of {@code table} after the batch of {@link #stageDrop} committed. */
    void dropped(TableId table) {
        latest.keySet().removeIf(k -> k.startsWith(table + "\u0000"));
    }

    private Optional<Manifest> read(String key, StoreSnapshot snapshot) {
        byte[] value = store.get(family, key.getBytes(StandardCharsets.UTF_8), snapshot);
        return value == null ? Optional.empty() : Optional.of(ManifestCodec.decode(value));
    }

    private static String key(TableId table, UserId owner) {
        return table + "\u0000" + (owner == null ? "" : owner.value());
    }
}
