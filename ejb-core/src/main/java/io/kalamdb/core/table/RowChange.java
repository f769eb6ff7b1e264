package io.kalamdb.core.table;

import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.StoredRow;

/**
 * One committed row change, as published on the {@link ChangeFeed} after its statement's batch commits.
 *
 * @param table  the table
 * @param owner  the partition owner for USER and STREAM tables, null for SHARED
 * @param kind   insert, update or delete
 * @param before the row before the change (null for an insert)
 * @param after  the row after the change: the new version, or for a soft delete the tombstone; null for a
 *               hard delete
 * @param seq    the change's {@code _seq}: the new version's, or for a hard delete a fresh one, so every change
 *               is newer than any snapshot taken before it
 */
public record RowChange(TableId table, UserId owner, Kind kind, StoredRow before, StoredRow after, long seq) {

    /** What happened to the row. */
    public enum Kind {
        INSERT, UPDATE, DELETE
    }
}
