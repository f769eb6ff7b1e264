package io.kalamdb.core.cold;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.segment.SegmentFilter;
import io.kalamdb.core.segment.SegmentReader;
import io.kalamdb.core.segment.RowIterator;
import io.kalamdb.core.segment.ScanCounters;
import io.kalamdb.core.segment.SegmentRow;
import io.kalamdb.core.storage.StorageBackend;
import io.kalamdb.core.storage.StorageId;
import io.kalamdb.core.storage.Storages;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.StoreSnapshot;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.ColdSegments;
import io.kalamdb.core.table.KeyedRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The cold tier of the engine: reads a partition's Parquet segments through its manifest. Point reads go
 * newest segment first and open only segments whose key range holds the key, where the segment's bloom
 * filter and statistics skip row groups; scans open every segment of the manifest in the read's snapshot.
 * Open readers (footer, bloom filters and page indexes read) are pooled per segment file, so a lookup pays
 * only for the page it decodes.
 * Counts the segments it opened and skipped ({@link #counters}) so tests and {@code SHOW STATS} can show
 * the pruning. Thread-safe.
 */
public final class ColdTier implements ColdSegments {
    private final ManifestStore manifests;
    private final Storages storages;
    /** Idle open readers kept per segment file; more concurrent readers than this open and close their own. */
    private static final int IDLE_READERS_PER_SEGMENT = 4;

    private final Map<String, Deque<SegmentReader>> idle = new ConcurrentHashMap<>();
    private final AtomicLong segmentsOpened = new AtomicLong();
    private final AtomicLong segmentsSkipped = new AtomicLong();
    private final AtomicLong rowGroupsRead = new AtomicLong();
    private final AtomicLong rowGroupsSkipped = new AtomicLong();

    /** Read counters since start: segments opened / skipped by key range, row groups read / skipped. */
    public record Counters(long segmentsOpened, long segmentsSkipped, long rowGroupsRead, long rowGroupsSkipped) {
    }

    private final Consumer<TableDefinition> drop;

    ColdTier(ManifestStore manifests, Storages storages, Consumer<TableDefinition> drop) {
        this.manifests = manifests;
        this.storages = storages;
        this.drop = drop;
    }

    @Override
    public void drop(TableDefinition table) {
        drop.accept(table);
    }

    @Override
    public StoredRow get(TableDefinition table, UserId owner, Object pk) {
        Optional<Manifest> manifest = manifests.get(table.id(), owner, null);
        if (manifest.isEmpty()) {
            return null;
        }
        List<Segment> segments = manifest.get().segments();
        int pkColumn = table.primaryKey().columnId();
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment segment = segments.get(i);
            if (!segment.mayContain(pk)) {
                segmentsSkipped.incrementAndGet();
                continue;
            }
            SegmentReader reader = borrow(manifest.get(), segment);
            StoredRow found;
            ScanCounters before = reader.counters();
            try (RowIterator rows = reader.scan(SegmentFilter.all().eq(pkColumn, pk))) {
                found = rows.hasNext() ? rows.next().row() : null;
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
            count(before, reader.counters());
            giveBack(manifest.get(), segment, reader);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public List<CloseableRows> scan(TableDefinition table, UserId owner, StoreSnapshot snapshot) {
        Optional<Manifest> manifest = manifests.get(table.id(), owner, snapshot);
        if (manifest.isEmpty()) {
            return List.of();
        }
        List<CloseableRows> out = new ArrayList<>();
        for (Segment segment : manifest.get().segments()) {
            try {
                out.add(rows(manifest.get(), segment, borrow(manifest.get(), segment)));
            } catch (RuntimeException e) {
                out.forEach(CloseableRows::close);
                throw e;
            }
        }
        return out;
    }

    /** @return the read counters since start */
    public Counters counters() {
        return new Counters(segmentsOpened.get(), segmentsSkipped.get(), rowGroupsRead.get(),
                rowGroupsSkipped.get());
    }

    /**
     * An open reader of the segment: an idle one from the pool (its footer, bloom filters and page indexes
     * already read) or a new one. Return it with {@link #giveBack} when done, or close it after an error.
     */
    private SegmentReader borrow(Manifest manifest, Segment segment) {
        segmentsOpened.incrementAndGet();
        Deque<SegmentReader> pool = idle.get(poolKey(manifest, segment));
        SegmentReader reader = pool == null ? null : pool.pollFirst();
        return reader != null ? reader : open(manifest, segment);
    }

    /**
     * Pools a reader again, or closes it when the pool is full or its segment is no longer live (rewritten by
     * deleted-retention while the reader was out). The liveness is checked again after pooling, so a
     * {@link #retire} running meanwhile cannot leave the reader pooled.
     */
    private void giveBack(Manifest manifest, Segment segment, SegmentReader reader) {
        if (!live(manifest, segment)) {
            reader.close();
            return;
        }
        Deque<SegmentReader> pool = idle.computeIfAbsent(poolKey(manifest, segment), k -> new ConcurrentLinkedDeque<>());
        if (pool.size() < IDLE_READERS_PER_SEGMENT) {
            pool.addFirst(reader);
            if (!live(manifest, segment) && pool.remove(reader)) {
                reader.close();
            }
        } else {
            reader.close();
        }
    }

    private boolean live(Manifest manifest, Segment segment) {
        return manifests.get(manifest.table(), manifest.owner(), null)
                .map(m -> m.segments().stream().anyMatch(s -> s.file().equals(segment.file())))
                .orElse(false);
    }

    /**
     * Closes the pooled readers of one segment file after the manifest stopped naming it (a rewrite by
     * deleted-retention committed); readers still out are closed when given back.
     */
    void retire(Manifest manifest, Segment segment) {
        Deque<SegmentReader> pool = idle.remove(poolKey(manifest, segment));
        if (pool != null) {
            pool.forEach(SegmentReader::close);
        }
    }

    /** Closes the pooled readers of a dropped table's segments. */
    void forget(Manifest manifest) {
        manifest.segments().forEach(segment -> retire(manifest, segment));
    }

    private static String poolKey(Manifest manifest, Segment segment) {
        return manifest.storageId() + "\u0000" + manifest.path(segment);
    }

    private SegmentReader open(Manifest manifest, Segment segment) {
        StorageBackend backend = storages.backend(new StorageId(manifest.storageId()));
        try {
            return SegmentReader.open(backend.open(manifest.path(segment)));
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot read segment " + manifest.path(segment)
                    + " of " + manifest.table() + ": " + e.getMessage(), e);
        }
    }

    private void count(ScanCounters before, ScanCounters after) {
        rowGroupsRead.addAndGet(after.rowGroupsRead() - before.rowGroupsRead());
        rowGroupsSkipped.addAndGet(after.rowGroupsTotal() - after.rowGroupsRead()
                - (before.rowGroupsTotal() - before.rowGroupsRead()));
    }

    private CloseableRows rows(Manifest manifest, Segment segment, SegmentReader reader) {
        ScanCounters before = reader.counters();
        RowIterator rows = reader.scan(SegmentFilter.all());
        return new CloseableRows() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public KeyedRow next() {
                SegmentRow row = rows.next();
                Object pk = row.primaryKey();
                return new KeyedRow(pk instanceof Long l ? KeyCodec.encodeLong(l) : KeyCodec.encodeText((String) pk),
                        row.row());
            }

            @Override
            public void close() {
                try {
                    rows.close();
                } catch (RuntimeException e) {
                    reader.close();
                    throw e;
                }
                count(before, reader.counters());
                giveBack(manifest, segment, reader);
            }
        };
    }
}
