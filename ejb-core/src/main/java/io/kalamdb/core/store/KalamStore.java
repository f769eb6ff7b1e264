package io.kalamdb.core.store;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteOptions;

/**
 * The one RocksDB instance of a server (DESIGN.md §3): opened once under {@code <data>/rocksdb}, one column
 * family per table plus the {@code system_*} families, atomic commits of {@link StoreBatch}es with the
 * configured {@link Durability}. Thread-safe. Every {@link RocksDBException} surfaces as a
 * {@link KalamException} with code INTERNAL_ERROR.
 */
public final class KalamStore implements AutoCloseable {
    /** Catalog and server metadata (secrets, counters). */
    public static final String SYSTEM_META = "system_meta";
    /** Namespace records. */
    public static final String SYSTEM_NAMESPACES = "system_namespaces";
    /** Table definitions and their schema history. */
    public static final String SYSTEM_TABLES = "system_tables";
    /** User records. */
    public static final String SYSTEM_USERS = "system_users";
    /** Segment lists (manifests) of flushed table partitions. */
    public static final String SYSTEM_MANIFESTS = "system_manifests";
    /** Storage definitions ({@code system.storages}). */
    public static final String SYSTEM_STORAGES = "system_storages";
    /** Job records ({@code system.jobs}). */
    public static final String SYSTEM_JOBS = "system_jobs";
    /** The append-only audit log ({@code system.audit_log}). */
    public static final String SYSTEM_AUDIT_LOG = "system_audit_log";

    private static final List<String> SYSTEM_FAMILIES = List.of(SYSTEM_META, SYSTEM_NAMESPACES, SYSTEM_TABLES,
            SYSTEM_USERS, SYSTEM_MANIFESTS, SYSTEM_STORAGES, SYSTEM_JOBS, SYSTEM_AUDIT_LOG);

    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final WriteOptions writeOptions;
    private final Durability durability;
    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
    private final ColumnFamilyHandle defaultFamily;
    private boolean closed;

    private KalamStore(RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions, Durability durability,
                       List<ColumnFamilyDescriptor> descriptors, List<ColumnFamilyHandle> handles) {
        this.db = db;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.durability = durability;
        this.writeOptions = new WriteOptions().setSync(durability == Durability.STRICT);
        ColumnFamilyHandle dflt = null;
        for (int i = 0; i < descriptors.size(); i++) {
            String name = new String(descriptors.get(i).getName(), StandardCharsets.UTF_8);
            if (name.equals("default")) {
                dflt = handles.get(i);
            } else {
                partitions.put(name, new Partition(name, handles.get(i)));
            }
        }
        this.defaultFamily = dflt;
    }

    /**
     * Opens (creating if needed) the store in {@code dir}, with every existing column family and the
     * {@code system_*} families.
     *
     * @param dir        the RocksDB directory, e.g. {@code <data>/rocksdb}
     * @param durability whether commits fsync the WAL
     * @return the open store
     * @throws KalamException INTERNAL_ERROR if RocksDB cannot open it (e.g. locked by another process)
     */
    public static KalamStore open(Path dir, Durability durability) {
        try {
            Files.createDirectories(dir);
            List<byte[]> existing;
            try (Options options = new Options()) {
                existing = RocksDB.listColumnFamilies(options, dir.toString());
            }
            List<String> names = new ArrayList<>();
            names.add("default");
            for (byte[] n : existing) {
                String s = new String(n, StandardCharsets.UTF_8);
                if (!names.contains(s)) {
                    names.add(s);
                }
            }
            for (String s : SYSTEM_FAMILIES) {
                if (!names.contains(s)) {
                    names.add(s);
                }
            }
            ColumnFamilyOptions cfOptions = new ColumnFamilyOptions();
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String n : names) {
                descriptors.add(new ColumnFamilyDescriptor(n.getBytes(StandardCharsets.UTF_8), cfOptions));
            }
            DBOptions dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            return new KalamStore(db, dbOptions, cfOptions, durability, descriptors, handles);
        } catch (RocksDBException | java.io.IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot open the store at " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return the durability tier commits use */
    public Durability durability() {
        return durability;
    }

    /**
     * @param name a column family name
     * @return the open partition
     * @throws KalamException INTERNAL_ERROR if it does not exist
     */
    public Partition partition(String name) {
        Partition p = partitions.get(name);
        if (p == null) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "No partition " + name);
        }
        return p;
    }

    /** @return true if a column family of that name exists */
    public boolean hasPartition(String name) {
        return partitions.containsKey(name);
    }

    /** @return the names of all column families except {@code default} */
    public List<String> partitionNames() {
        return List.copyOf(partitions.keySet());
    }

    /**
     * Creates a column family, or returns the existing one of that name.
     *
     * @param name the family name, e.g. {@code user:chat:messages}
     * @return the partition
     */
    public synchronized Partition createPartition(String name) {
        Partition existing = partitions.get(name);
        if (existing != null) {
            return existing;
        }
        try {
            ColumnFamilyHandle h = db.createColumnFamily(
                    new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
            Partition p = new Partition(name, h);
            partitions.put(name, p);
            return p;
        } catch (RocksDBException e) {
            throw storageError("create partition " + name, e);
        }
    }

    /** Drops a column family and all its data; no-op if it does not exist. */
    public synchronized void dropPartition(String name) {
        Partition p = partitions.remove(name);
        if (p == null) {
            return;
        }
        try {
            db.dropColumnFamily(p.handle());
        } catch (RocksDBException e) {
            throw storageError("drop partition " + name, e);
        } finally {
            p.handle().close();
        }
    }

    /** @return the value at {@code key}, or null */
    public byte[] get(Partition partition, byte[] key) {
        try {
            return db.get(partition.handle(), key);
        } catch (RocksDBException e) {
            throw storageError("get", e);
        }
    }

    /**
     * @param snapshot a snapshot to read at, or null for the latest state
     * @return the value at {@code key} in that view, or null
     */
    public byte[] get(Partition partition, byte[] key, StoreSnapshot snapshot) {
        if (snapshot == null) {
            return get(partition, key);
        }
        try (ReadOptions options = new ReadOptions().setSnapshot(snapshot.snapshot())) {
            return db.get(partition.handle(), options, key);
        } catch (RocksDBException e) {
            throw storageError("get", e);
        }
    }

    /**
     * Writes a consistent copy of the database to {@code dir} (a RocksDB checkpoint: hard links where it
     * can) — exactly what a crash at this instant would leave on disk, committed writes included.
     *
     * @param dir a directory that must not exist yet
     * @throws KalamException INTERNAL_ERROR if RocksDB cannot create it
     */
    public void checkpoint(Path dir) {
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(dir.toString());
        } catch (RocksDBException e) {
            throw storageError("checkpoint", e);
        }
    }

    /**
     * @return RocksDB's estimate of the number of keys in the column family ({@code rocksdb.estimate-num-keys}:
     *         approximate — overwritten and deleted keys not yet compacted may be counted)
     */
    public long estimatedKeys(Partition partition) {
        return longProperty(partition, "rocksdb.estimate-num-keys");
    }

    /** @return bytes of the column family's SST files on disk ({@code rocksdb.total-sst-files-size}) */
    public long sstBytes(Partition partition) {
        return longProperty(partition, "rocksdb.total-sst-files-size");
    }

    private long longProperty(Partition partition, String property) {
        try {
            return db.getLongProperty(partition.handle(), property);
        } catch (RocksDBException e) {
            throw storageError("property " + property, e);
        }
    }

    /** @return a new, empty batch for one statement's writes */
    public StoreBatch newBatch() {
        return new StoreBatch();
    }

    /**
     * Commits a batch atomically, fsyncing the WAL first under {@link Durability#STRICT}, and closes it.
     * When this returns the writes are durable per the tier; if it throws, nothing was written.
     */
    public void commit(StoreBatch batch) {
        try (batch) {
            if (batch.size() > 0) {
                db.write(writeOptions, batch.writeBatch());
            }
        } catch (RocksDBException e) {
            throw storageError("commit", e);
        }
    }

    /**
     * Scans keys in {@code [from, to)} in byte order.
     *
     * @param partition the column family
     * @param from      first key (inclusive), or null for the start
     * @param to        upper bound (exclusive), or null for the end
     * @param snapshot  a snapshot to read at, or null for the latest state
     * @return an iterator to close after use
     */
    public RangeScan scan(Partition partition, byte[] from, byte[] to, StoreSnapshot snapshot) {
        ReadOptions options = new ReadOptions();
        Slice upper = null;
        if (to != null) {
            upper = new Slice(to);
            options.setIterateUpperBound(upper);
        }
        if (snapshot != null) {
            options.setSnapshot(snapshot.snapshot());
        }
        return new RangeScan(options, upper, db.newIterator(partition.handle(), options), from);
    }

    /** @return a consistent point-in-time view; close it to release it */
    public StoreSnapshot snapshot() {
        Snapshot s = db.getSnapshot();
        return new StoreSnapshot(s, () -> db.releaseSnapshot(s));
    }

    /** Flushes memtables and closes the database; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Partition p : partitions.values()) {
            p.handle().close();
        }
        partitions.clear();
        if (defaultFamily != null) {
            defaultFamily.close();
        }
        try {
            db.syncWal();
        } catch (RocksDBException e) {
            // closing anyway: the WAL is replayed on the next open
        }
        db.close();
        writeOptions.close();
        dbOptions.close();
        cfOptions.close();
    }

    static KalamException storageError(String what, RocksDBException e) {
        return new KalamException(ErrorCode.INTERNAL_ERROR, "Storage error during " + what + ": "
                + e.getMessage(), e);
    }
}
