package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import java.util.Arrays;

/** Helpers for value arrays indexed by column id, as stored. */
final class RowValues {
    private RowValues() {
    }

    /** @return a copy of {@code values} long enough for every column id of {@code def} */
    static Object[] sized(TableDefinition def, Object[] values) {
        return Arrays.copyOf(values, Math.max(values.length, def.nextColumnId()));
    }

    /**
     * @throws KalamException CONSTRAINT_VIOLATION naming the first NOT NULL column that is null
     */
    static void checkNotNull(TableDefinition def, Object[] values) {
        for (ColumnDefinition c : def.columns()) {
            if (!c.nullable() && (c.columnId() >= values.length || values[c.columnId()] == null)) {
                throw new KalamException(ErrorCode.CONSTRAINT_VIOLATION, "null value in column \"" + c.name()
                        + "\" of relation \"" + def.id() + "\" violates not-null constraint");
            }
        }
    }
}
