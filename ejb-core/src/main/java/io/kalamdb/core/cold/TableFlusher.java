package io.kalamdb.core.cold;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.segment.SegmentInfo;
import io.kalamdb.core.segment.SegmentWriter;
import io.kalamdb.core.storage.StorageBackend;
import io.kalamdb.core.storage.StorageId;
import io.kalamdb.core.storage.Storages;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.StoreBatch;
import io.kalamdb.core.store.StoreSnapshot;
import io.kalamdb.core.table.ColdSegments;
import io.kalamdb.core.table.KeyedRow;
import io.kalamdb.core.table.TableStore;
import io.kalamdb.core.table.TableStores;
import com.google.common.util.concurrent.Striped;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a table's hot rows to Parquet segments (DESIGN.md §3), one partition at a time (the SHARED table,
 * or each user of a USER table). For each partition:
 * <ol>
 *   <li>read the hot rows, tombstones included, from a RocksDB snapshot and write them in key order to
 *       {@code batch-<n>.parquet} under a temporary name in the partition's directory (the storage path
 *       template resolved), fsync, rename ({@link FlushStep#FILE_WRITTEN}, {@link FlushStep#FILE_RENAMED});</li>
 *   <li>under the partition's write lock, commit one {@code WriteBatch} that appends the segment to the
 *       manifest and deletes the flushed hot rows: a range delete over the flushed key range, followed by a
 *       re-put of the current value of every key a statement wrote since the flush began
 *       ({@link io.kalamdb.core.table.WriteTracker}) — so a row changed or added during the flush keeps its
 *       newer hot version, and only rows whose {@code _seq} is still the flushed one leave the hot store
 *       ({@link FlushStep#BEFORE_MANIFEST_COMMIT}, {@link FlushStep#AFTER_MANIFEST_COMMIT});</li>
 *   <li>mirror the manifest to {@code manifest.json}.</li>
 * </ol>
 * A crash before the commit leaves an unreferenced file (removed at start-up by {@link OrphanSweeper}) and
 * the rows hot; after it, the rows are cold. Reads merge the tiers by {@code _seq}, so no state shows a row
 * twice or loses one. STREAM tables are never flushed. At most one flush per table runs at a time (the
 * caller — the job layer — ensures it; a second concurrent call waits for the first). A flush holds its table's
 * {@link #tableLock maintenance lock}, which {@link DeletedRetention} also takes, so a flush and a segment
 * rewrite of the same table never overlap.
 */
public final class TableFlusher {
    private static final Logger LOG = Logger.getLogger(TableFlusher.class.getName());

    private final KalamStore store;
    private final TableStores tables;
    private final ManifestStore manifests;
    private final Storages storages;
    private final LongSupplier clock;
    private volatile Consumer<FlushStep> onStep = step -> { };
    /** Per-table locks of the jobs that change manifests (flush, deleted-retention), striped. */
    private final Striped<Lock> tableLocks = Striped.lock(64);

    TableFlusher(KalamStore store, TableStores tables, ManifestStore manifests, Storages storages,
                 LongSupplier clock) {
        this.store = store;
        this.tables = tables;
        this.manifests = manifests;
        this.storages = storages;
        this.clock = clock;
    }

    /**
     * Tests only: called at each {@link FlushStep}; a crash is simulated by copying the data directory there
     * (or by throwing).
     */
    public void onStep(Consumer<FlushStep> hook) {
        this.onStep = hook;
    }

    /**
     * Flushes every hot row of the table.
     *
     * @param table     the table at its current definition
     * @param cancelled polled between partitions and every 10,000 rows; when it answers true the flush
     *                  stops, discarding the partition in progress (already committed partitions stay
     *                  flushed)
     * @return what was flushed
     * @throws KalamException INVALID_OPERATION-style SQL_EXECUTION_ERROR for a STREAM table, INTERNAL_ERROR
     *                        if a file cannot be written; CANCELLED-style SQL_EXECUTION_ERROR when cancelled
     */
    public FlushResult flush(TableDefinition table, BooleanSupplier cancelled) {
        if (table.type() == TableType.STREAM) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "STREAM table " + table.id()
                    + " is never flushed: its events live in the hot store until their TTL");
        }
        Lock maintenance = tableLock(table.id());
        maintenance.lock();
        try {
            return flushLocked(table, cancelled);
        } finally {
            maintenance.unlock();
        }
    }

    private FlushResult flushLocked(TableDefinition table, BooleanSupplier cancelled) {
        TableStore rows = tables.forTable(table);
        tables.writeTracker().start(table.id());
        try {
            FlushResult result = new FlushResult(0, 0, 0);
            List<UserId> owners = table.type().isPerUser() ? rows.hotOwners(null) : Collections.singletonList(null);
            for (UserId owner : owners) {
                checkCancelled(cancelled, table);
                result = flushPartition(table, rows, owner, cancelled, result);
            }
            return result;
        } finally {
            tables.writeTracker().stop(table.id());
        }
    }

    /**
     * @return the lock a job holds while it changes the table's manifests (a flush, a deleted-retention
     *         rewrite); statements do not take it
     */
    Lock tableLock(TableId table) {
        return tableLocks.get(table);
    }

    private FlushResult flushPartition(TableDefinition table, TableStore rows, UserId owner,
                                       BooleanSupplier cancelled, FlushResult result) {
        StorageId storageId = new StorageId(table.options().storageId());
        StorageBackend backend = storages.backend(storageId);
        Manifest manifest = manifests.get(table.id(), owner, null).orElseGet(() -> Manifest.empty(table.id(),
                owner, storageId.value(), storages.partitionPath(table, owner)));
        long id = manifest.nextSegmentId();
        String file = Segment.fileName(id);
        byte[] firstKey;
        byte[] lastKey;
        SegmentInfo info;
        try (StoreSnapshot snapshot = store.snapshot();
             ColdSegments.CloseableRows hot = rows.hotRows(owner, snapshot)) {
            if (!hot.hasNext()) {
                return result;
            }
            try (StorageBackend.PendingFile pending = backend.create(manifest.directory() + "/" + file)) {
                KeyedRow first = null;
                KeyedRow last = null;
                long n = 0;
                try (SegmentWriter writer = SegmentWriter.create(pending.output(), table,
                        SegmentWriter.Options.defaults())) {
                    while (hot.hasNext()) {
                        last = hot.next();
                        if (first == null) {
                            first = last;
                        }
                        writer.write(last.row());
                        if (++n % 10_000 == 0) {
                            checkCancelled(cancelled, table);
                        }
                    }
                    info = writer.finish();
                }
                onStep.accept(FlushStep.FILE_WRITTEN);
                pending.commit();
                firstKey = first.pkKey();
                lastKey = last.pkKey();
            }
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot write segment " + file + " of "
                    + table.id() + ": " + e.getMessage(), e);
        }
        onStep.accept(FlushStep.FILE_RENAMED);
        Segment segment = new Segment(id, file, info.rows(), info.fileBytes(), info.minSeq(), info.maxSeq(),
                table.schemaVersion(), info.minPrimaryKey(), info.maxPrimaryKey(), clock.getAsLong());
        Manifest next = manifest.with(segment);
        commit(table, rows, owner, firstKey, lastKey, next);
        try {
            backend.writeAtomically(manifest.directory() + "/manifest.json", ManifestCodec.encode(next));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot mirror the manifest of " + table.id() + " to manifest.json; "
                    + "RocksDB holds it", e);
        }
        return result.plus(info.rows(), info.fileBytes());
    }

    /** The commit batch, under the partition's write lock so no statement writes between check and commit. */
    private void commit(TableDefinition table, TableStore rows, UserId owner, byte[] firstKey, byte[] lastKey,
                        Manifest next) {
        Lock lock = tables.writeLock(rows, owner);
        lock.lock();
        try (StoreBatch batch = store.newBatch()) {
            rows.stageFlushedDelete(batch, owner, firstKey, lastKey, tables.writeTracker().written(table.id()));
            manifests.stage(batch, next);
            onStep.accept(FlushStep.BEFORE_MANIFEST_COMMIT);
            store.commit(batch);
            manifests.committed(next);
        } finally {
            lock.unlock();
        }
        onStep.accept(FlushStep.AFTER_MANIFEST_COMMIT);
    }

    private static void checkCancelled(BooleanSupplier cancelled, TableDefinition table) {
        if (cancelled.getAsBoolean()) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "The flush of " + table.id() + " was cancelled");
        }
    }
}
