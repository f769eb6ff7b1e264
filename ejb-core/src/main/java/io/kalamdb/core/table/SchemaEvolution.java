package io.kalamdb.core.table;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.store.StoredRow;
import java.util.Arrays;

/**
 * Reads a row written under an older schema version as the current one: values are kept by column id, so
 * only a widened type (e.g. SMALLINT stored, INT now) needs converting. Rows of the current version pass
 * through untouched.
 */
public final class SchemaEvolution {
    private SchemaEvolution() {
    }

    /**
     * @return the row's values by column id, sized for {@code def} and converted to its current types
     */
    public static Object[] currentValues(TableDefinition def, StoredRow row) {
        Object[] values = Arrays.copyOf(row.values(), Math.max(row.values().length, def.nextColumnId()));
        if (row.schemaVersion() != def.schemaVersion()) {
            for (ColumnDefinition c : def.columns()) {
                values[c.columnId()] = c.dataType().coerce(values[c.columnId()]);
            }
        }
        return values;
    }

    /** @return the value of one column of the row, converted to its current type */
    public static Object currentValue(TableDefinition def, StoredRow row, ColumnDefinition column) {
        Object v = row.value(column.columnId());
        return row.schemaVersion() == def.schemaVersion() ? v : column.dataType().coerce(v);
    }
}
