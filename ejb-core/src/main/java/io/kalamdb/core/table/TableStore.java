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
import io.kalamdb.core.store.StoreSnapshot;
import io.kalamdb.core.store.StoredRow;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

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

    TableStore(KalamStore store, TableId tableId, TableType type, Partition partition) {
        this.store = store;
        this.tableId = tableId;
        this.type = type;
        this.partition = partition;
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

    KalamStore store() {
        return store;
    }

    /**
     * @param owner the partition owner (required for USER/STREAM, ignored for SHARED)
     * @param pk    the primary-key value, Long or String
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
        return value == null ? null : RowCodec.decode(value);
    }

    /**
     * Scans the owner's rows (or all rows of a SHARED table) in primary-key order, tombstones included.
     *
     * @param owner    the partition owner (USER/STREAM) or null (SHARED)
     * @param snapshot read view, or null for the latest
     * @return rows in key order; close after use
     */
    public RowScan scan(UserId owner, StoreSnapshot snapshot) {
        byte[] from = type.isPerUser() ? KeyCodec.userPrefix(requireOwner(owner)) : null;
        byte[] to = type.isPerUser() ? KeyCodec.userRangeEnd(owner) : null;
        return new RowScan(store.scan(partition, from, to, snapshot));
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

    static TableStore open(KalamStore store, TableDefinition def) {
        return new TableStore(store, def.id(), def.type(),
                store.partition(partitionName(def.id(), def.type())));
    }
}
