package io.kalamdb.core.sql.calcite;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * A live view of one namespace's tables for Calcite: every lookup asks the current catalog, so tables
 * created or dropped since the schema object was made are seen at once.
 */
final class NamespaceSchema extends AbstractSchema {
    private final Function<String, Table> table;
    private final Supplier<Set<String>> names;

    NamespaceSchema(Function<String, Table> table, Supplier<Set<String>> names) {
        this.table = table;
        this.names = names;
    }

    @Override
    public Lookup<Table> tables() {
        return new CompatibilityLookup<>(table, names);
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        return Lookup.empty();
    }
}
