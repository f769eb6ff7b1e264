package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;

/** Checks on value arrays indexed by column id, as stored. */
final class RowValues {
    private RowValues() {
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
