package io.kalamdb.core.store;

/**
 * A row version as stored: the schema version it was written with, its {@code _seq}, its {@code _deleted}
 * flag and its column values indexed by column id (a column added later reads as null; a dropped column's
 * value is simply never asked for).
 *
 * @param schemaVersion the table's schema version at write time
 * @param seq           the row version (a Snowflake id)
 * @param deleted       true for a soft-delete tombstone
 * @param values        values by column id; shorter than the highest column id is fine
 */
public record StoredRow(int schemaVersion, long seq, boolean deleted, Object[] values) {

    /** @return the value of the column with that id, or null */
    public Object value(int columnId) {
        return columnId < values.length ? values[columnId] : null;
    }
}
