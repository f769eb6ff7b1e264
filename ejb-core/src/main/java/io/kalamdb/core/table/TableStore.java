package io.kalamdb.core.table;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.RowCodec;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import io.kalamdb.core.store.StoreSnapshot;
import io.kalamdb.core.store.StoredRow;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Row access to one table's column family. For USER and STREAM tables every call takes the partition owner
 * and only ever touches that user's key range ({@code userId 0x00 pk}); there is no call that reads across
 * users without naming one — isolation is enforced here, below SQL. SHARED tables take no owner.
 *
 * <p>Primary keys are BIGINT ({@link Long}) or TEXT ({@link String}). This class reads only; writes go
 * through {@link StatementWrite}.
 */
public final class TableStore {
    private final KalamStore store;
    private final TableId tableId;
    private final TableType type;
    private final Partition partition;
    private final TableDefinition definition;
    private final LongSupplier clock;

    TableStore(KalamStore store, TableDefinition definition, Partition partition, LongSupplier clock) {
        this.store = store;
        this.tableId = definition.id();
        this.type = definition.type();
        this.partition = partition;
        this.definition = definition;
        this.clock = clock;
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
     * Reads the stored version of one row, tombstones included.
     *
     * @param owner the partition owner (USER/STREAM) or null (SHARED)
     * @param pk    primary-key value
     * @return the row, or null if the key was never written (or was purged)
     */
    public StoredRow get(UserId owner, Object pk) {
        byte[] value = store.get(partition, key(owner, pk));
        StoredRow row = value == null ? null : RowCodec.decode(value);
        return row == null || type == TableType.STREAM && row.seq() < ttlFloor() ? null : row;
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
        byte[] from = type == TableType.STREAM
                ? KeyCodec.concat(KeyCodec.userPrefix(requireOwner(owner)), KeyCodec.encodeLong(ttlFloor()))
                : type.isPerUser() ? KeyCodec.userPrefix(requireOwner(owner)) : null;
        byte[] to = type.isPerUser() ? KeyCodec.userRangeEnd(owner) : null;
        return new RowScan(store.scan(partition, from, to, snapshot));
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

    /** A closeable iterator of decoded rows. */
    public static final class RowScan implements Iterator<StoredRow>, AutoCloseable {
        private final RangeScan scan;

        RowScan(RangeScan scan) {
            this.scan = Objects.requireNonNull(scan);
        }

        @Override
        public boolean hasNext() {
            return scan.hasNext();
        }

        @Override
        public StoredRow next() {
            if (!scan.hasNext()) {
                throw new NoSuchElementException();
            }
            return RowCodec.decode(scan.next().value());
        }

        @Override
        public void close() {
            scan.close();
        }
    }

    static TableStore open(KalamStore store, TableDefinition def, LongSupplier clock) {
        return new TableStore(store, def, store.partition(partitionName(def.id(), def.type())), clock);
    }
}
