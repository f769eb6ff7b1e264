package io.kalamdb.core.sql.exec;

import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableName;
import io.kalamdb.core.system.SystemView;
import io.kalamdb.core.system.SystemViews;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * Resolves a (possibly unqualified) table name against the session's current namespace: a table of the
 * catalog, or a {@code system.*} / {@code information_schema.*} view (type SYSTEM, which the access policy
 * keeps read-only).
 */
public final class TableResolver {
    private final Catalog catalog;
    private final SystemViews views;

    /**
     * @param catalog where table definitions live
     * @param views   the views of the reserved namespaces
     */
    public TableResolver(Catalog catalog, SystemViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    /**
     * @param name      {@code t} or {@code ns.t}
     * @param namespace the current namespace, for {@code t}
     * @return the table id (not checked for existence)
     * @throws KalamException INVALID_SQL for more than two parts or invalid names
     */
    public TableId id(SqlIdentifier name, NamespaceId namespace) {
        if (name.names.size() == 1) {
            return new TableId(namespace, new TableName(name.names.get(0)));
        }
        if (name.names.size() == 2) {
            return new TableId(new NamespaceId(name.names.get(0)), new TableName(name.names.get(1)));
        }
        throw KalamException.invalidSql("Table name '" + name + "' has too many parts: use namespace.table");
    }

    /**
     * @return the current definition of the named table or view
     * @throws KalamException TABLE_NOT_FOUND if it does not exist
     */
    public TableDefinition require(SqlIdentifier name, NamespaceId namespace) {
        TableId id = id(name, namespace);
        if (id.namespace().isReserved()) {
            return views.view(id).map(SystemView::definition).orElseThrow(() -> new KalamException(
                    ErrorCode.TABLE_NOT_FOUND, "ERROR: relation \"" + id + "\" does not exist"));
        }
        return catalog.requireTable(id);
    }
}
