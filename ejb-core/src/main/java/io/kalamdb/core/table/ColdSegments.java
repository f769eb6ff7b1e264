package io.kalamdb.core.table;

import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.StoreSnapshot;
import io.kalamdb.core.store.StoredRow;
import java.util.Iterator;
import java.util.List;

/**
 * The cold tier as the table stores use it: the Parquet segments a flush has moved a partition's rows to,
 * read by {@link TableStore} and dropped with their table. Implemented by the flush subsystem;
 * {@link #NONE} for a store without one.
 */
public interface ColdSegments {
    /** No cold tier: every read is answered by the hot store alone. */
    ColdSegments NONE = new ColdSegments() {
        @Override
        public StoredRow get(TableDefinition table, UserId owner, Object pk) {
            return null;
        }

        @Override
        public List<CloseableRows> scan(TableDefinition table, UserId owner, StoreSnapshot snapshot) {
            return List.of();
        }

        @Override
        public void drop(TableDefinition table) {
        }
    };

    /**
     * @param table the table at its current definition
     * @param owner the partition owner (USER) or null (SHARED)
     * @param pk    the primary-key value (Long or String)
     * @return the newest flushed version of the row (a tombstone included), or null if no segment has it
     */
    StoredRow get(TableDefinition table, UserId owner, Object pk);

    /**
     * @param table    the table at its current definition
     * @param owner    the partition owner (USER) or null (SHARED)
     * @param snapshot the read view whose segment list (manifest) is used, or null for the latest
     * @return one iterator per segment, each in primary-key order, oldest segment first; close each
     */
    List<CloseableRows> scan(TableDefinition table, UserId owner, StoreSnapshot snapshot);

    /**
     * DROP TABLE: forgets the table's segments and deletes their files.
     *
     * @param table the dropped table
     */
    void drop(TableDefinition table);

    /** Rows of one source in primary-key order, each with its order-preserving key ({@code KeyCodec}). */
    interface CloseableRows extends Iterator<KeyedRow>, AutoCloseable {
        @Override
        void close();
    }
}
