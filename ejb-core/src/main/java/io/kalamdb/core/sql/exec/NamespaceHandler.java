package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.catalog.NamespaceRecord;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlCreateNamespace;
import io.kalamdb.core.sql.parser.ast.SqlDropNamespace;
import io.kalamdb.core.sql.parser.ast.SqlUseNamespace;
import io.kalamdb.core.table.TableStores;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** CREATE / DROP / SHOW NAMESPACES and USE. */
public final class NamespaceHandler {
    private final Catalog catalog;
    private final TableStores tables;
    private final AccessPolicy policy;

    /** Creates the handler. */
    public NamespaceHandler(Catalog catalog, TableStores tables, AccessPolicy policy) {
        this.catalog = catalog;
        this.tables = tables;
        this.policy = policy;
    }

    /**
     * @throws KalamException PERMISSION_DENIED below dba, INVALID_SQL for a reserved name, ALREADY_EXISTS
     *                        unless IF NOT EXISTS
     */
    public StatementResult create(SqlCreateNamespace stmt, StatementContext ctx) {
        policy.checkDdl(ctx.session().role());
        NamespaceId ns = new NamespaceId(stmt.getNamespace());
        if (ns.isReserved()) {
            throw KalamException.invalidSql("Namespace '" + ns + "' is reserved");
        }
        if (!catalog.createNamespace(ns, System.currentTimeMillis())) {
            if (!stmt.isIfNotExists()) {
                throw new KalamException(ErrorCode.ALREADY_EXISTS, "Namespace '" + ns + "' already exists");
            }
            return StatementResult.message("Namespace '" + ns + "' already exists", 0, ctx.session().user());
        }
        return StatementResult.message("Namespace '" + ns + "' created", 1, ctx.session().user());
    }

    /**
     * @throws KalamException NAMESPACE_NOT_FOUND unless IF EXISTS; SQL_EXECUTION_ERROR naming the tables if
     *                        any remain and CASCADE was not given
     */
    public StatementResult drop(SqlDropNamespace stmt, StatementContext ctx) {
        policy.checkDdl(ctx.session().role());
        NamespaceId ns = new NamespaceId(stmt.getNamespace());
        if (ns.isReserved()) {
            throw KalamException.invalidSql("Namespace '" + ns + "' is reserved");
        }
        if (catalog.namespace(ns).isEmpty()) {
            if (stmt.isIfExists()) {
                return StatementResult.message("Namespace '" + ns + "' does not exist", 0, ctx.session().user());
            }
            throw notFound(ns);
        }
        List<TableDefinition> tablesIn = catalog.tablesIn(ns);
        if (!tablesIn.isEmpty() && !stmt.isCascade()) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Cannot drop namespace '" + ns + "': it has "
                    + tablesIn.size() + " table(s) (" + tablesIn.stream().limit(10).map(t -> t.id().name().value())
                    .collect(Collectors.joining(", ")) + "); drop them first or use DROP NAMESPACE " + ns
                    + " CASCADE");
        }
        for (TableDefinition t : tablesIn) {
            catalog.dropTable(t.id());
            tables.drop(t);
        }
        catalog.dropNamespace(ns);
        return StatementResult.message("Namespace '" + ns + "' dropped" + (tablesIn.isEmpty() ? ""
                : " with " + tablesIn.size() + " table(s)"), 1, ctx.session().user());
    }

    /** @return one row per namespace: namespace_id, table_count, created_at */
    public StatementResult show(StatementContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        for (NamespaceRecord ns : catalog.namespaces()) {
            rows.add(new Object[] {ns.id().value(), catalog.tablesIn(ns.id()).size(), ns.createdAt() * 1000L});
        }
        return new StatementResult(List.of(ResultColumn.of("namespace_id", KalamDataType.TEXT),
                ResultColumn.of("table_count", KalamDataType.INT),
                ResultColumn.of("created_at", KalamDataType.TIMESTAMP)), rows, rows.size(), null,
                ctx.session().user());
    }

    /**
     * Switches the session's namespace for the rest of the batch.
     *
     * @throws KalamException NAMESPACE_NOT_FOUND
     */
    public StatementResult use(SqlUseNamespace stmt, StatementContext ctx) {
        NamespaceId ns = new NamespaceId(stmt.getNamespace());
        if (!ns.isReserved() && catalog.namespace(ns).isEmpty()) {
            throw notFound(ns);
        }
        ctx.session().use(ns);
        return StatementResult.message("Using namespace '" + ns + "'", 0, ctx.session().user());
    }

    private static KalamException notFound(NamespaceId ns) {
        return new KalamException(ErrorCode.NAMESPACE_NOT_FOUND, "Namespace '" + ns + "' does not exist");
    }
}
