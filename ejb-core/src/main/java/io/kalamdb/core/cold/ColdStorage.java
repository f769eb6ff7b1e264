package io.kalamdb.core.cold;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.storage.StorageBackend;
import io.kalamdb.core.storage.StorageId;
import io.kalamdb.core.storage.Storages;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.StoreBatch;
import io.kalamdb.core.table.ColdSegments;
import io.kalamdb.core.table.TableStores;
import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The engine's cold tier (DESIGN.md §3): manifests in RocksDB, Parquet segments in storages, the reader
 * {@link TableStores} consult ({@link #reader()}), the {@link TableFlusher}, the purge of old soft-deleted rows
 * ({@link DeletedRetention}), the start-up sweep of unreferenced files and the removal of a dropped table's
 * segments. Created before the table stores (which read through it) and {@link #attach attached} to them after.
 */
public final class ColdStorage {
    private static final Logger LOG = Logger.getLogger(ColdStorage.class.getName());
    private final KalamStore store;
    private final Storages storages;
    private final ManifestStore manifests;
    private final ColdTier reader;
    private final LongSupplier clock;
    private TableStores tables;
    private TableFlusher flusher;
    private DeletedRetention retention;

    /**
     * @param store    the RocksDB store (manifests live in {@code system_manifests})
     * @param storages where segment files go
     * @param clock    segment creation times, epoch milliseconds
     */
    public ColdStorage(KalamStore store, Storages storages, LongSupplier clock) {
        this.store = store;
        this.storages = storages;
        this.manifests = new ManifestStore(store);
        this.reader = new ColdTier(manifests, storages, this::drop);
        this.clock = clock;
    }

    /** @return the cold reads for {@link TableStores} */
    public ColdSegments reader() {
        return reader;
    }

    /** @return read counters (segments and row groups opened and skipped) since start */
    public ColdTier.Counters counters() {
        return reader.counters();
    }

    /** Connects the table stores, whose hot rows the flusher moves. Call once. */
    public void attach(TableStores tableStores) {
        this.tables = tableStores;
        this.flusher = new TableFlusher(store, tableStores, manifests, storages, clock);
        this.retention = new DeletedRetention(store, tableStores, manifests, storages, reader, flusher, clock);
    }

    /** @return the flusher ({@link #attach} first) */
    public TableFlusher flusher() {
        if (flusher == null) {
            throw new IllegalStateException("attach the table stores first");
        }
        return flusher;
    }

    /** @return the purge of soft-deleted rows ({@link #attach} first) */
    public DeletedRetention retention() {
        if (retention == null) {
            throw new IllegalStateException("attach the table stores first");
        }
        return retention;
    }

    /**
     * Start-up: removes segment files no manifest names (left by a flush interrupted before its commit) and
     * rewrites every {@code manifest.json} from RocksDB. Directories that cannot be read are logged as warnings and
     * skipped — one broken storage does not stop the server.
     *
     * @return the number of files removed
     */
    public int sweepOrphans(Catalog catalog) {
        OrphanSweeper.Result result = OrphanSweeper.sweep(catalog, tables, manifests, storages);
        for (String problem : result.unreadable()) {
            LOG.warning(() -> "Cannot sweep the cold tier directory " + problem);
        }
        return result.removed();
    }

    /**
     * @return the manifests of a table's partitions (one for SHARED, one per flushed user for USER)
     */
    public List<Manifest> manifests(TableId table) {
        return manifests.ofTable(table);
    }

    /**
     * DROP TABLE: deletes the table's manifests, then its segment files and {@code manifest.json}s.
     *
     * @throws KalamException INTERNAL_ERROR if a file cannot be deleted (the manifests are gone already;
     *                        the start-up sweep does not know the files any more — they are reported)
     */
    public void drop(TableDefinition table) {
        List<Manifest> dropped;
        try (StoreBatch batch = store.newBatch()) {
            dropped = manifests.stageDrop(batch, table.id());
            store.commit(batch);
        }
        manifests.dropped(table.id());
        for (Manifest m : dropped) {
            reader.forget(m);
            StorageBackend backend = storages.backend(new StorageId(m.storageId()));
            try {
                for (Segment s : m.segments()) {
                    backend.delete(m.path(s));
                }
                backend.delete(m.directory() + "/manifest.json");
            } catch (IOException e) {
                throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot delete the segments of dropped table "
                        + table.id() + " in " + m.directory() + ": " + e.getMessage(), e);
            }
        }
    }
}
