package io.kalamdb.core.cold;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.storage.StorageBackend;
import io.kalamdb.core.storage.StorageId;
import io.kalamdb.core.storage.Storages;
import io.kalamdb.core.table.TableStores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Start-up cleanup of the cold tier (DESIGN.md §3): removes segment files and temporary files that no
 * manifest names — what a flush interrupted before its commit batch leaves behind. Looks in every
 * directory a manifest names and in the directory every hot partition would flush to (a partition whose
 * first flush crashed has no manifest yet, but its rows are still hot). Only files named like segments or
 * their temporaries are touched; {@code manifest.json} is rewritten from RocksDB. A directory that cannot be read
 * or written (a storage whose path is gone or is a file) is reported and skipped, so one broken storage does not
 * keep the server from starting; its tables' flushes and cold reads fail with their own errors.
 */
final class OrphanSweeper {
    /** {@code batch-<n>.parquet} and the temporary names files are written under before the rename. */
    private static final Pattern OURS = Pattern.compile("^\\.?batch-\\d+\\.parquet(\\.tmp-.*|\\..*\\.tmp)?$");

    private OrphanSweeper() {
    }

    /**
     * What a sweep did.
     *
     * @param removed    the number of files removed
     * @param unreadable one line per directory that could not be swept: {@code storage:directory: error}
     */
    record Result(int removed, List<String> unreadable) {
    }

    /** @return the files removed and the directories that could not be swept */
    static Result sweep(Catalog catalog, TableStores tables, ManifestStore manifests, Storages storages) {
        List<String> unreadable = new ArrayList<>();
        Map<String, Manifest> byDirectory = new HashMap<>();
        for (Manifest m : manifests.all()) {
            byDirectory.put(m.storageId() + "\u0000" + m.directory(), m);
            try {
                storages.backend(new StorageId(m.storageId())).writeAtomically(m.directory() + "/manifest.json",
                        ManifestCodec.encode(m));
            } catch (IOException e) {
                unreadable.add(m.storageId() + ":" + m.directory() + ": " + e);
            }
        }
        Set<String> directories = new HashSet<>(byDirectory.keySet());
        for (TableDefinition table : catalog.allTables()) {
            if (table.type() == TableType.STREAM) {
                continue;
            }
            List<UserId> owners = new ArrayList<>();
            if (table.type().isPerUser()) {
                owners.addAll(tables.forTable(table).hotOwners(null));
            } else {
                owners.add(null);
            }
            for (UserId owner : owners) {
                directories.add(table.options().storageId() + "\u0000" + storages.partitionPath(table, owner));
            }
        }
        int removed = 0;
        for (String entry : directories) {
            String storageId = entry.substring(0, entry.indexOf('\u0000'));
            String directory = entry.substring(entry.indexOf('\u0000') + 1);
            Manifest manifest = byDirectory.get(entry);
            Set<String> live = new HashSet<>();
            if (manifest != null) {
                manifest.segments().forEach(s -> live.add(s.file()));
            }
            StorageBackend backend = storages.backend(new StorageId(storageId));
            try {
                for (String file : backend.list(directory)) {
                    if (OURS.matcher(file).matches() && !live.contains(file)) {
                        backend.delete(directory + "/" + file);
                        removed++;
                    }
                }
            } catch (IOException e) {
                unreadable.add(storageId + ":" + directory + ": " + e);
            }
        }
        return new Result(removed, List.copyOf(unreadable));
    }
}
