package io.kalamdb.core.model;

import java.util.Objects;

/**
 * One column of a table definition.
 *
 * @param columnId   stable id, never reused within a table; rows store values by it so ADD/DROP COLUMN
 *                   never rewrites data
 * @param name       column name
 * @param ordinal    1-based position in {@code SELECT *} order
 * @param dataType   the type
 * @param nullable   false for NOT NULL (primary keys are always NOT NULL)
 * @param primaryKey true for the primary-key column
 * @param defaultValue the DEFAULT, or {@link ColumnDefault#NONE}
 * @param comment    free text, or null
 */
public record ColumnDefinition(int columnId, String name, int ordinal, KalamDataType dataType, boolean nullable,
                               boolean primaryKey, ColumnDefault defaultValue, String comment) {
    /** Validates the name and required parts. */
    public ColumnDefinition {
        new TableName(name);
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (primaryKey && nullable) {
            throw new IllegalArgumentException("a primary key is NOT NULL");
        }
    }

    /** @return a copy at another ordinal position */
    public ColumnDefinition withOrdinal(int newOrdinal) {
        return new ColumnDefinition(columnId, name, newOrdinal, dataType, nullable, primaryKey, defaultValue,
                comment);
    }

    /** @return a copy with another type and nullability (ALTER TABLE … MODIFY COLUMN) */
    public ColumnDefinition withType(KalamDataType type, boolean isNullable) {
        return new ColumnDefinition(columnId, name, ordinal, type, isNullable, primaryKey, defaultValue, comment);
    }
}
