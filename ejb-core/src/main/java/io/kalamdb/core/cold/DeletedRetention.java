package io.kalamdb.core.cold;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.segment.RowIterator;
import io.kalamdb.core.segment.SegmentFilter;
import io.kalamdb.core.segment.SegmentInfo;
import io.kalamdb.core.segment.SegmentReader;
import io.kalamdb.core.segment.SegmentRow;
import io.kalamdb.core.segment.SegmentWriter;
import io.kalamdb.core.storage.StorageBackend;
import io.kalamdb.core.storage.StorageId;
import io.kalamdb.core.storage.Storages;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import io.kalamdb.core.store.StoreBatch;
import io.kalamdb.core.store.StoreSnapshot;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.ColdSegments;
import io.kalamdb.core.table.KeyedRow;
import io.kalamdb.core.table.TableStore;
import io.kalamdb.core.table.TableStores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Purges soft-deleted rows older than a retention from both tiers of a USER or SHARED table (the work of
 * {@code deleted-retention} jobs), one partition at a time.
 *
 * <p><b>What is purged.</b> A tombstone is <i>purgeable</i> when it is the newest version of its key across the
 * hot store and every segment of the partition, and its {@code _seq} (a Snowflake id, whose top bits are its
 * epoch-millisecond time, see {@link SnowflakeIdGenerator}) is older than now − retention. A purgeable key is
 * removed whole: its tombstone <em>and every older version</em> of the key, wherever they are. Removing only
 * the tombstone would let an older flushed version win the merge by {@code _seq} again (a resurrected row);
 * removing everything up to the tombstone's {@code _seq} never changes what a read returns, because those
 * versions were hidden by the tombstone. A version newer than the tombstone (a re-insert since) is never
 * touched.
 *
 * <p><b>How, per partition.</b>
 * <ol>
 *   <li>From one RocksDB snapshot, merge the hot rows and the manifest's segments by key and collect the
 *       purgeable keys with their tombstone {@code _seq}.</li>
 *   <li>Rewrite every segment holding a version to purge (key range and {@code _seq} range pruned first): its
 *       other rows, in the same order, go to a new file {@code batch-<next id>.parquet} written under a
 *       temporary name, fsynced and renamed, exactly as a flush writes; a segment left empty gets no file.</li>
 *   <li>Under the partition's write lock, one {@code WriteBatch} puts the manifest with each rewritten segment
 *       replaced, at its position, by its new file (or removed), and deletes the purgeable tombstones still in
 *       the hot store whose value is still that tombstone (same {@code _seq}). If the manifest changed since
 *       step 1 (the table was dropped) the partition is abandoned and its new files deleted.</li>
 *   <li>After the commit: the replaced files are deleted, their pooled readers closed, {@code manifest.json}
 *       mirrored.</li>
 * </ol>
 * A crash before the commit leaves new files no manifest names; after it, old files no manifest names — the
 * start-up sweep ({@link OrphanSweeper}) removes both, and either way every key is purged in all tiers or in
 * none. The job holds the table's maintenance lock ({@link TableFlusher#tableLock}) so no flush of the table
 * runs meanwhile; statements keep writing (they only wait for the short commit). Memory: the purgeable keys of
 * one partition are held while it is processed.
 *
 * <p>A query that started before a rewrite and must open a replaced file after its deletion (rather than
 * reuse a pooled open reader) fails with INTERNAL_ERROR; running it again reads the new manifest.
 */
public final class DeletedRetention {
    private static final Logger LOG = Logger.getLogger(DeletedRetention.class.getName());

    private final KalamStore store;
    private final TableStores tables;
    private final ManifestStore manifests;
    private final Storages storages;
    private final ColdTier reader;
    private final TableFlusher flusher;
    private final LongSupplier clock;

    /** What a purge of one or more tables did. */
    public record Result(int tables, long hot, long cold, int segments) {
        /** Nothing purged from no table. */
        public static final Result NONE = new Result(0, 0, 0, 0);

        /** @return the soft-deleted rows (keys) purged: {@code hot + cold} */
        public long purged() {
            return hot + cold;
        }

        /** @return this result plus another's counts */
        public Result plus(Result other) {
            return new Result(tables + other.tables, hot + other.hot, cold + other.cold, segments + other.segments);
        }
    }

    DeletedRetention(KalamStore store, TableStores tables, ManifestStore manifests, Storages storages,
                     ColdTier reader, TableFlusher flusher, LongSupplier clock) {
        this.store = store;
        this.tables = tables;
        this.manifests = manifests;
        this.storages = storages;
        this.reader = reader;
        this.flusher = flusher;
        this.clock = clock;
    }

    /**
     * Purges the table's soft-deleted rows whose tombstone is older than {@code retentionHours} before now
     * (the engine clock).
     *
     * @param table          a USER or SHARED table at its current definition
     * @param retentionHours how long tombstones are kept, hours ≥ 0
     * @param cancelled      polled between partitions; when true the purge stops (committed partitions stay
     *                       purged)
     * @return {@code tables} = 1 and what was purged: {@code hot} = tombstones deleted from the hot store,
     *         {@code cold} = tombstones dropped from segments (the older versions dropped with them are not
     *         counted), {@code segments} = segment files rewritten or removed
     * @throws KalamException SQL_EXECUTION_ERROR for a STREAM table; INTERNAL_ERROR if a segment cannot be read
     *                        or written
     */
    public Result purge(TableDefinition table, long retentionHours, BooleanSupplier cancelled) {
        if (table.type() == TableType.STREAM) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "STREAM table " + table.id()
                    + " has no soft-deleted rows: its events expire by TTL_SECONDS");
        }
        long cutoff = SnowflakeIdGenerator.firstIdAt(clock.getAsLong() - TimeUnit.HOURS.toMillis(retentionHours));
        TableStore rows = tables.forTable(table);
        Lock maintenance = flusher.tableLock(table.id());
        maintenance.lock();
        try {
            Result result = new Result(1, 0, 0, 0);
            for (UserId owner : partitions(table, rows)) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                result = result.plus(purgePartition(table, rows, owner, cutoff));
            }
            return result;
        } finally {
            maintenance.unlock();
        }
    }

    /** The owners with hot rows or a manifest (USER), or the one SHARED partition (null). */
    private List<UserId> partitions(TableDefinition table, TableStore rows) {
        if (!table.type().isPerUser()) {
            return Collections.singletonList(null);
        }
        Set<UserId> owners = new LinkedHashSet<>(rows.hotOwners(null));
        manifests.ofTable(table.id()).forEach(m -> owners.add(m.owner()));
        return List.copyOf(owners);
    }

    /** A segment to replace and its new file ({@code replacement} null when no row is left). */
    private record Rewrite(Segment old, Segment replacement, long tombstones) {
    }

    /** Rewrites every segment of the manifest holding a version to purge, adding each to {@code rewrites}. */
    private void purgeSegments(TableDefinition table, Manifest manifest, TreeMap<byte[], Long> purgeable,
                               List<Rewrite> rewrites) {
        long maxTombstone = purgeable.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        long nextId = manifest.nextSegmentId();
        for (Segment segment : manifest.segments()) {
            if (segment.minSeq() > maxTombstone || purgeable.subMap(encode(segment.minPk()), true,
                    encode(segment.maxPk()), true).isEmpty()) {
                continue;
            }
            Rewrite rewrite = rewrite(table, manifest, segment, nextId, purgeable);
            if (rewrite != null) {
                rewrites.add(rewrite);
                nextId++;
            }
        }
    }

    private Result purgePartition(TableDefinition table, TableStore rows, UserId owner, long cutoff) {
        Optional<Manifest> manifest;
        TreeMap<byte[], Long> purgeable = new TreeMap<>(Arrays::compareUnsigned);
        try (StoreSnapshot snapshot = store.snapshot();
             ColdSegments.CloseableRows newest = rows.newestVersions(owner, snapshot)) {
            manifest = manifests.get(table.id(), owner, snapshot);
            while (newest.hasNext()) {
                KeyedRow row = newest.next();
                if (row.row().deleted() && row.row().seq() < cutoff) {
                    purgeable.put(row.pkKey(), row.row().seq());
                }
            }
        }
        if (purgeable.isEmpty()) {
            return Result.NONE;
        }
        List<Rewrite> rewrites = new ArrayList<>();
        try {
            if (manifest.isPresent()) {
                purgeSegments(table, manifest.get(), purgeable, rewrites);
            }
            return commit(table, rows, owner, manifest, purgeable, rewrites);
        } catch (RuntimeException e) {
            manifest.ifPresent(m -> deleteQuietly(m, rewrites.stream().map(Rewrite::replacement).toList()));
            throw e;
        }
    }

    /**
     * Writes the segment's rows minus the purged versions to segment {@code newId}.
     *
     * @return the rewrite, or null if the segment holds no version to purge (nothing written)
     */
    private Rewrite rewrite(TableDefinition table, Manifest manifest, Segment segment, long newId,
                            TreeMap<byte[], Long> purgeable) {
        StorageBackend backend = storages.backend(new StorageId(manifest.storageId()));
        String file = Segment.fileName(newId);
        try (SegmentReader in = SegmentReader.open(backend.open(manifest.path(segment)));
             StorageBackend.PendingFile pending = backend.create(manifest.directory() + "/" + file)) {
            long dropped = 0;
            long tombstones = 0;
            SegmentInfo info;
            try (RowIterator rowsIn = in.scan(SegmentFilter.all());
                 SegmentWriter out = SegmentWriter.create(pending.output(), table, SegmentWriter.Options.defaults())) {
                while (rowsIn.hasNext()) {
                    SegmentRow row = rowsIn.next();
                    Long tombstone = purgeable.get(encode(row.primaryKey()));
                    StoredRow version = row.row();
                    if (tombstone != null && version.seq() <= tombstone) {
                        dropped++;
                        if (version.deleted() && version.seq() == tombstone) {
                            tombstones++;
                        }
                    } else {
                        out.write(version);
                    }
                }
                if (dropped == 0) {
                    return null;
                }
                info = dropped == segment.rows() ? null : out.finish();
            }
            if (info == null) {
                return new Rewrite(segment, null, tombstones);
            }
            pending.commit();
            return new Rewrite(segment, new Segment(newId, file, info.rows(), info.fileBytes(), info.minSeq(),
                    info.maxSeq(), table.schemaVersion(), info.minPrimaryKey(), info.maxPrimaryKey(),
                    clock.getAsLong()), tombstones);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot rewrite segment " + manifest.path(segment)
                    + " of " + table.id() + ": " + e.getMessage(), e);
        }
    }

    /** The commit batch, under the partition's write lock; then the old files go. */
    private Result commit(TableDefinition table, TableStore rows, UserId owner, Optional<Manifest> before,
                          TreeMap<byte[], Long> purgeable, List<Rewrite> rewrites) {
        Manifest next = before.orElse(null);
        for (Rewrite r : rewrites) {
            next = next.replacing(r.old().id(), r.replacement());
        }
        int hot;
        Lock lock = tables.writeLock(rows, owner);
        lock.lock();
        try (StoreBatch batch = store.newBatch()) {
            if (!sameSegments(before, manifests.get(table.id(), owner, null))) {
                before.ifPresent(m -> deleteQuietly(m, rewrites.stream().map(Rewrite::replacement).toList()));
                return Result.NONE;
            }
            hot = rows.stagePurge(batch, owner, purgeable);
            if (!rewrites.isEmpty()) {
                manifests.stage(batch, next);
            }
            store.commit(batch);
            if (!rewrites.isEmpty()) {
                manifests.committed(next);
            }
        } finally {
            lock.unlock();
        }
        if (rewrites.isEmpty()) {
            return new Result(0, hot, 0, 0);
        }
        Manifest committed = next;
        for (Rewrite r : rewrites) {
            reader.retire(committed, r.old());
        }
        deleteQuietly(committed, rewrites.stream().map(Rewrite::old).toList());
        try {
            storages.backend(new StorageId(committed.storageId())).writeAtomically(
                    committed.directory() + "/manifest.json", ManifestCodec.encode(committed));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot mirror the manifest of " + table.id() + " to manifest.json; "
                    + "RocksDB holds it", e);
        }
        return new Result(0, hot, rewrites.stream().mapToLong(Rewrite::tombstones).sum(), rewrites.size());
    }

    private static boolean sameSegments(Optional<Manifest> before, Optional<Manifest> now) {
        if (before.isEmpty() || now.isEmpty()) {
            return before.isEmpty() == now.isEmpty();
        }
        return before.get().nextSegmentId() == now.get().nextSegmentId()
                && before.get().segments().stream().map(Segment::id).toList()
                        .equals(now.get().segments().stream().map(Segment::id).toList());
    }

    /** Deletes segment files no manifest names any more; a failure is logged (the start-up sweep retries). */
    private void deleteQuietly(Manifest manifest, List<Segment> segments) {
        StorageBackend backend = storages.backend(new StorageId(manifest.storageId()));
        for (Segment s : segments) {
            if (s == null) {
                continue;
            }
            try {
                backend.delete(manifest.path(s));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot delete unreferenced segment " + manifest.path(s) + " of "
                        + manifest.table() + "; the start-up sweep removes it", e);
            }
        }
    }

    private static byte[] encode(Object pk) {
        return pk instanceof Long l ? KeyCodec.encodeLong(l) : KeyCodec.encodeText((String) pk);
    }
}
