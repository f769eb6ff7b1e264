package io.kalamdb.core.sql;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of a statement result: the HTTP schema entry (DESIGN.md §5).
 *
 * @param name  column name
 * @param type  its type, deciding the {@code data_type} name and the JSON value encoding
 * @param flags {@code "pk"} for a primary key, {@code "nn"} for NOT NULL, {@code "uq"} for unique
 */
public record ResultColumn(String name, KalamDataType type, List<String> flags) {
    /** Copies the flags. */
    public ResultColumn {
        flags = List.copyOf(flags);
    }

    /** @return a nullable column with no flags */
    public static ResultColumn of(String name, KalamDataType type) {
        return new ResultColumn(name, type, List.of());
    }

    /** @return the entry of a table column: its type and flags {@code pk} / {@code nn} */
    public static ResultColumn of(ColumnDefinition c) {
        List<String> flags = new ArrayList<>();
        if (c.primaryKey()) {
            flags.add("pk");
        }
        if (!c.nullable()) {
            flags.add("nn");
        }
        return new ResultColumn(c.name(), c.dataType(), flags);
    }
}
