package io.kalamdb.core.table;

import com.google.common.collect.Iterators;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.RowCodec;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import io.kalamdb.core.store.StoreBatch;
import io.kalamdb.core.store.StoreSnapshot;
import io.kalamdb.core.store.StoredRow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Row access to one table's column family. For USER and STREAM tables every call takes the partition owner
 * and only ever touches that user's key range ({@code userId 0x00 pk}); there is no call that reads across
 * users without naming one — isolation is enforced here, below SQL. SHARED tables take no owner.
 *
 * <p>Primary keys are BIGINT ({@link Long}) or TEXT ({@link String}). This class reads only; writes go
 * through {@link StatementWrite}.
 *
 * <p><b>Two tiers.</b> USER and SHARED rows live in the hot store until a flush moves them to Parquet
 * segments ({@link ColdSegments}). Reads see one table: a point read takes the hot version if there is one,
 * else the newest flushed one; a scan merges the hot rows and every segment by primary key, the highest
 * {@code _seq} winning (a row present in both tiers with the same {@code _seq} — a flush interrupted after
 * its manifest commit — is returned once). STREAM tables are never flushed.
 */
public final class TableStore {
    private final KalamStore store;
    private final TableId tableId;
    private final TableType type;
    private final Partition partition;
    private final TableDefinition definition;
    private final LongSupplier clock;
    private final ColdSegments cold;
    private final WriteTracker writes;

    TableStore(KalamStore store, TableDefinition definition, Partition partition, LongSupplier clock,
               ColdSegments cold, WriteTracker writes) {
        this.store = store;
        this.tableId = definition.id();
        this.type = definition.type();
        this.partition = partition;
        this.definition = definition;
        this.clock = clock;
        this.cold = cold;
        this.writes = writes;
    }

    /** @return the definition this store was opened with */
    TableDefinition definition() {
        return definition;
    }

    /**
     * @return the column family name of a table: {@code user:<ns>:<t>}, {@code shared:<ns>:<t>} or
     *         {@code stream:<ns>:<t>}
     */
    public static String partitionName(TableId id, TableType type) {
        return type.wireName() + ":" + id.namespace() + ":" + id.name();
    }

    /** @return the table */
    public TableId tableId() {
        return tableId;
    }

    /** @return the table type */
    public TableType type() {
        return type;
    }

    Partition partition() {
        return partition;
    }

    /**
     * @param owner the partition owner (required for USER/STREAM, ignored for SHARED)
     * @param pk    the primary-key value, Long or String; for a STREAM table the row's {@code _seq}
     * @return the encoded row key
     */
    byte[] key(UserId owner, Object pk) {
        byte[] pkBytes = pk instanceof Long l ? KeyCodec.encodeLong(l) : KeyCodec.encodeText((String) pk);
        return type.isPerUser() ? KeyCodec.concat(KeyCodec.userPrefix(requireOwner(owner)), pkBytes) : pkBytes;
    }

    /**
     * Reads the stored version of one row, tombstones included: the hot version if any, else the newest
     * flushed one.
     *
     * @param owner the partition owner (USER/STREAM) or null (SHARED)
     * @param pk    primary-key value
     * @return the row, or null if the key was never written (or was purged)
     */
    public StoredRow get(UserId owner, Object pk) {
        return get(owner, pk, key(owner, pk));
    }

    StoredRow get(UserId owner, Object pk, byte[] key) {
        byte[] value = store.get(partition, key);
        if (value == null) {
            return type == TableType.STREAM ? null : cold.get(definition, owner, pk);
        }
        StoredRow row = RowCodec.decode(value);
        return type == TableType.STREAM && row.seq() < ttlFloor() ? null : row;
    }

    /**
     * Flush side, called under the partition's write lock: adds to {@code batch} the removal of the flushed
     * hot rows of one partition — a range delete over {@code [firstPk, lastPk]}, then a re-put of the current
     * value of every key in that range that a statement wrote since the flush began, so that only rows whose
     * {@code _seq} is still the flushed one leave the hot store.
     *
     * @param owner   the partition owner (USER) or null (SHARED)
     * @param firstPk the first flushed primary key, encoded ({@link KeyedRow#pkKey()})
     * @param lastPk  the last flushed primary key, encoded
     * @param written the full row keys written since the flush began ({@link WriteTracker#written})
     */
    public void stageFlushedDelete(StoreBatch batch, UserId owner, byte[] firstPk, byte[] lastPk,
                                   Set<ByteBuffer> written) {
        byte[] prefix = keyPrefix(owner);
        byte[] from = KeyCodec.concat(prefix, firstPk);
        byte[] to = KeyCodec.concat(prefix, Arrays.copyOf(lastPk, lastPk.length + 1));
        batch.deleteRange(partition, from, to);
        for (ByteBuffer buffer : written) {
            byte[] key = new byte[buffer.remaining()];
            buffer.duplicate().get(key);
            if (Arrays.compareUnsigned(key, from) >= 0 && Arrays.compareUnsigned(key, to) < 0) {
                byte[] current = store.get(partition, key);
                if (current != null) {
                    batch.put(partition, key, current);
                }
            }
        }
    }

    /**
     * Deleted-retention side, called under the partition's write lock: adds to {@code batch} the deletion of
     * the hot tombstones named in {@code tombstones} whose hot value is still that tombstone (same {@code _seq});
     * a key rewritten since (or not hot) is left alone.
     *
     * @param owner      the partition owner (USER) or null (SHARED)
     * @param tombstones encoded primary key ({@link KeyedRow#pkKey()}) → the purgeable tombstone's {@code _seq}
     * @return the number of hot tombstones staged for deletion
     */
    public int stagePurge(StoreBatch batch, UserId owner, Map<byte[], Long> tombstones) {
        byte[] prefix = keyPrefix(owner);
        int purged = 0;
        for (Map.Entry<byte[], Long> tombstone : tombstones.entrySet()) {
            byte[] key = KeyCodec.concat(prefix, tombstone.getKey());
            byte[] current = store.get(partition, key);
            if (current != null) {
                StoredRow row = RowCodec.decode(current);
                if (row.deleted() && row.seq() == tombstone.getValue()) {
                    batch.delete(partition, key);
                    purged++;
                }
            }
        }
        return purged;
    }

    /** Writer side: a statement is about to write {@code key} (see {@link WriteTracker}). */
    void recordWrite(byte[] key) {
        writes.written(tableId, key);
    }

    /**
     * Scans the owner's rows (or all rows of a SHARED table) in primary-key order, tombstones included. A
     * STREAM table's rows come in {@code _seq} order, starting at the TTL floor: expired events are never
     * returned, even before eviction removes them.
     *
     * @param owner    the partition owner (USER/STREAM) or null (SHARED)
     * @param snapshot read view, or null for the latest
     * @return rows in key order; close after use
     */
    public RowScan scan(UserId owner, StoreSnapshot snapshot) {
        List<ColdSegments.CloseableRows> segments = segments(owner, snapshot);
        if (segments.isEmpty()) {
            RangeScan hot = hotRange(owner, snapshot);
            return new RowScan(Iterators.transform(hot, kv -> RowCodec.decode(kv.value())), hot::close);
        }
        ColdSegments.CloseableRows merged = merge(owner, snapshot, segments);
        return new RowScan(Iterators.transform(merged, KeyedRow::row), merged::close);
    }

    /**
     * Scans the newest version of every key of the owner's partition (or of a SHARED table) over both tiers,
     * with its encoded primary key, in key order, tombstones included: what {@link #scan} returns, keyed.
     *
     * @param owner    the partition owner (USER) or null (SHARED)
     * @param snapshot read view (hot rows and the segment list), or null for the latest
     * @return rows with their primary-key bytes; close after use
     */
    public ColdSegments.CloseableRows newestVersions(UserId owner, StoreSnapshot snapshot) {
        return merge(owner, snapshot, segments(owner, snapshot));
    }

    /** @return the partition's segment scans (none for a STREAM table, which is never flushed) */
    private List<ColdSegments.CloseableRows> segments(UserId owner, StoreSnapshot snapshot) {
        return type == TableType.STREAM ? List.of() : cold.scan(definition, owner, snapshot);
    }

    private ColdSegments.CloseableRows merge(UserId owner, StoreSnapshot snapshot,
                                             List<ColdSegments.CloseableRows> segments) {
        if (segments.isEmpty()) {
            return hotRows(owner, snapshot);
        }
        List<ColdSegments.CloseableRows> sources = new ArrayList<>();
        sources.add(hotRows(owner, snapshot));
        sources.addAll(segments);
        return new MergedRows(sources);
    }

    /**
     * Scans only the hot store: the owner's rows (or a SHARED table's) in key order, tombstones included.
     *
     * @param owner    the partition owner (USER/STREAM) or null (SHARED)
     * @param snapshot read view, or null for the latest
     * @return rows with their primary-key bytes; close after use
     */
    public ColdSegments.CloseableRows hotRows(UserId owner, StoreSnapshot snapshot) {
        int prefix = keyPrefix(owner).length;
        RangeScan scan = hotRange(owner, snapshot);
        return new ColdSegments.CloseableRows() {
            @Override
            public boolean hasNext() {
                return scan.hasNext();
            }

            @Override
            public KeyedRow next() {
                KeyValue kv = scan.next();
                return new KeyedRow(Arrays.copyOfRange(kv.key(), prefix, kv.key().length),
                        RowCodec.decode(kv.value()));
            }

            @Override
            public void close() {
                scan.close();
            }
        };
    }

    /** The hot key range of the owner's partition (from the TTL floor for a STREAM table). */
    private RangeScan hotRange(UserId owner, StoreSnapshot snapshot) {
        byte[] prefix = keyPrefix(owner);
        byte[] from = type == TableType.STREAM ? KeyCodec.concat(prefix, KeyCodec.encodeLong(ttlFloor()))
                : type.isPerUser() ? prefix : null;
        byte[] to = type.isPerUser() ? KeyCodec.userRangeEnd(owner) : null;
        return store.scan(partition, from, to, snapshot);
    }

    /** @return {@code userId 0x00} for a USER or STREAM partition, empty for a SHARED table */
    private byte[] keyPrefix(UserId owner) {
        return type.isPerUser() ? KeyCodec.userPrefix(requireOwner(owner)) : new byte[0];
    }

    /**
     * The owners that have hot rows in a USER table, in key order: one seek per owner, not a full scan.
     *
     * @param snapshot read view, or null for the latest
     * @return the owners
     */
    public List<UserId> hotOwners(StoreSnapshot snapshot) {
        List<UserId> owners = new ArrayList<>();
        byte[] from = null;
        while (true) {
            try (RangeScan scan = store.scan(partition, from, null, snapshot)) {
                if (!scan.hasNext()) {
                    return owners;
                }
                UserId owner = KeyCodec.decodeUser(scan.next().key());
                owners.add(owner);
                from = KeyCodec.userRangeEnd(owner);
            }
        }
    }

    /**
     * @return for a STREAM table the smallest {@code _seq} still alive: events older than TTL_SECONDS are
     *         expired (the Snowflake id starts with its time); 0 for other tables
     */
    long ttlFloor() {
        Long ttl = definition.options().ttlSeconds();
        return type != TableType.STREAM || ttl == null ? 0
                : SnowflakeIdGenerator.firstIdAt(clock.getAsLong() - ttl * 1000L);
    }

    /** @return for a STREAM table its MAX_BUFFER (events kept per user), else null; null means no cap */
    Long maxBuffer() {
        return type == TableType.STREAM ? definition.options().maxBuffer() : null;
    }

    private UserId requireOwner(UserId owner) {
        if (owner == null) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "A " + type.wireName() + " table access to "
                    + tableId + " must name the partition owner");
        }
        return owner;
    }

    /** A closeable iterator of decoded rows in primary-key order. */
    public static final class RowScan implements Iterator<StoredRow>, AutoCloseable {
        private final Iterator<StoredRow> rows;
        private final Runnable close;

        RowScan(Iterator<StoredRow> rows, Runnable close) {
            this.rows = Objects.requireNonNull(rows);
            this.close = close;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public StoredRow next() {
            if (!rows.hasNext()) {
                throw new NoSuchElementException();
            }
            return rows.next();
        }

        @Override
        public void close() {
            close.run();
        }
    }

    static TableStore open(KalamStore store, TableDefinition def, LongSupplier clock, ColdSegments cold,
                           WriteTracker writes) {
        return new TableStore(store, def, store.partition(partitionName(def.id(), def.type())), clock, cold,
                writes);
    }
}
