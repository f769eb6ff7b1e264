package io.kalamdb.core.sql.exec;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlDescribeKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlShowTables;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** SHOW TABLES [IN ns] and DESCRIBE TABLE t [HISTORY]; readable by every role. */
public final class DescribeHandler {
    private final Catalog catalog;
    private final TableResolver resolver;

    /** Creates the handler. */
    public DescribeHandler(Catalog catalog, TableResolver resolver) {
        this.catalog = catalog;
        this.resolver = resolver;
    }

    /**
     * @return namespace_id, table_name, table_type, storage_id, schema_version, created_at per table of the
     *         namespace (the current one without IN)
     * @throws KalamException NAMESPACE_NOT_FOUND
     */
    public StatementResult showTables(SqlShowTables stmt, StatementContext ctx) {
        NamespaceId ns = stmt.getNamespace() == null ? ctx.session().namespace() : new NamespaceId(stmt.getNamespace());
        catalog.requireNamespace(ns);
        List<Object[]> rows = new ArrayList<>();
        for (TableDefinition t : catalog.tablesIn(ns)) {
            rows.add(new Object[] {ns.value(), t.id().name().value(), t.type().wireName(), t.options().storageId(),
                t.schemaVersion(), t.createdAt() * 1000L});
        }
        return new StatementResult(List.of(text("namespace_id"), text("table_name"), text("table_type"),
                text("storage_id"), ResultColumn.of("schema_version", KalamDataType.INT),
                ResultColumn.of("created_at", KalamDataType.TIMESTAMP)), rows, rows.size(), null, ctx.session().user());
    }

    /**
     * @return one row per column (column_name, ordinal_position, data_type, is_nullable, is_primary_key,
     *         default_value, comment), or with HISTORY one row per schema version (schema_version,
     *         changed_at, columns)
     * @throws KalamException TABLE_NOT_FOUND
     */
    public StatementResult describe(SqlDescribeKalamTable stmt, StatementContext ctx) {
        TableDefinition def = resolver.require(stmt.getTableName(), ctx.session().namespace());
        List<Object[]> rows = new ArrayList<>();
        if (stmt.isHistory()) {
            for (TableDefinition v : catalog.history(def.id())) {
                rows.add(new Object[] {v.schemaVersion(), v.updatedAt() * 1000L, v.columns().stream()
                        .map(c -> c.name() + " " + c.dataType().sqlName()).collect(Collectors.joining(", "))});
            }
            return new StatementResult(List.of(ResultColumn.of("schema_version", KalamDataType.INT),
                    ResultColumn.of("changed_at", KalamDataType.TIMESTAMP), text("columns")), rows, rows.size(), null,
                    ctx.session().user());
        }
        for (ColumnDefinition c : def.columns()) {
            rows.add(new Object[] {c.name(), c.ordinal(), c.dataType().sqlName(), c.nullable(), c.primaryKey(),
                c.defaultValue().sql(), c.comment()});
        }
        return new StatementResult(List.of(text("column_name"), ResultColumn.of("ordinal_position", KalamDataType.INT),
                text("data_type"), ResultColumn.of("is_nullable", KalamDataType.BOOLEAN),
                ResultColumn.of("is_primary_key", KalamDataType.BOOLEAN), text("default_value"), text("comment")),
                rows, rows.size(), null, ctx.session().user());
    }

    private static ResultColumn text(String name) {
        return ResultColumn.of(name, KalamDataType.TEXT);
    }
}
