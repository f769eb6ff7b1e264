package io.kalamdb.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's definition at one schema version.
 *
 * @param id            namespace and name
 * @param type          USER, SHARED, STREAM or SYSTEM
 * @param columns       user-visible columns in ordinal order (the system columns are implicit: {@code _seq},
 *                      and {@code _deleted} on tables with {@link TableType#hasSoftDeletes() soft deletes})
 * @param options       the WITH options
 * @param schemaVersion 1 at creation, +1 on every ALTER
 * @param nextColumnId  the id the next added column gets
 * @param createdAt     creation time, epoch milliseconds
 * @param updatedAt     time of the last change, epoch milliseconds
 */
public record TableDefinition(TableId id, TableType type, List<ColumnDefinition> columns, TableOptions options,
                              int schemaVersion, int nextColumnId, long createdAt, long updatedAt) {
    /** Name of the row-version system column. */
    public static final String SEQ_COLUMN = "_seq";
    /** Name of the soft-delete system column (USER and SHARED tables only). */
    public static final String DELETED_COLUMN = "_deleted";

    /** Copies the column list. */
    public TableDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        columns = List.copyOf(columns);
        Objects.requireNonNull(options, "options");
    }

    /** @return the primary-key column (every USER/SHARED/STREAM table has exactly one) */
    public ColumnDefinition primaryKey() {
        return columns.stream().filter(ColumnDefinition::primaryKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("table " + id + " has no primary key"));
    }

    /** @return the column of that name (case-sensitive), if any */
    public Optional<ColumnDefinition> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
