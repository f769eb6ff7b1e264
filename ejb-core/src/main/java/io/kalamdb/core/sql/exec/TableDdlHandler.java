package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableOptions;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.sql.LiveQueryControl;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlCreateKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlDropKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlKalamColumn;
import io.kalamdb.core.storage.StorageId;
import io.kalamdb.core.storage.Storages;
import io.kalamdb.core.table.TableStores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CREATE TABLE and DROP TABLE. A table without a type keyword or {@code TYPE} option is SHARED; it needs
 * exactly one PRIMARY KEY column of type BIGINT or TEXT. CREATE makes the column family, then records the
 * definition (schema version 1); DROP removes the definition with its history, then the column family — and
 * is refused while live queries read the table, unless FORCE ends them first.
 */
public final class TableDdlHandler {
    private final Catalog catalog;
    private final TableStores tables;
    private final TableResolver resolver;
    private final AccessPolicy policy;
    private final ColumnFactory columns;
    private final LiveQueryControl liveQueries;
    private final Storages storages;

    /** Creates the handler. */
    public TableDdlHandler(Catalog catalog, TableStores tables, TableResolver resolver, AccessPolicy policy,
                           ExpressionEvaluator evaluator, LiveQueryControl liveQueries, Storages storages) {
        this.liveQueries = liveQueries;
        this.storages = storages;
        this.catalog = catalog;
        this.tables = tables;
        this.resolver = resolver;
        this.policy = policy;
        this.columns = new ColumnFactory(evaluator);
    }

    /**
     * @throws KalamException PERMISSION_DENIED, NAMESPACE_NOT_FOUND, ALREADY_EXISTS (unless IF NOT EXISTS),
     *                        INVALID_SQL (types, options, primary key, a STORAGE_ID that names no storage)
     */
    public StatementResult create(SqlCreateKalamTable stmt, StatementContext ctx) {
        policy.checkDdl(ctx.session().role());
        TableId id = resolver.id(stmt.getName(), ctx.session().namespace());
        if (id.namespace().isReserved()) {
            throw KalamException.invalidSql("Cannot create tables in reserved namespace '" + id.namespace() + "'");
        }
        catalog.requireNamespace(id.namespace());
        if (catalog.table(id).isPresent()) {
            if (stmt.isIfNotExists()) {
                return StatementResult.message("Table " + id + " already exists", 0, ctx.session().user());
            }
            throw new KalamException(ErrorCode.ALREADY_EXISTS, "Table " + id + " already exists");
        }
        Map<String, Object> options = new LinkedHashMap<>(stmt.getOptions());
        TableType type = tableType(stmt.getTableKind(), options.remove("TYPE"));
        TableOptions tableOptions = TableOptionsParser.parse(type, TableOptions.defaults(type), options, true);
        List<ColumnDefinition> defs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SqlKalamColumn c : stmt.getColumns()) {
            if (!names.add(c.getName())) {
                throw KalamException.invalidSql("Column '" + c.getName() + "' specified more than once");
            }
            defs.add(columns.build(c, defs.size(), defs.size() + 1, ctx));
        }
        List<ColumnDefinition> pks = defs.stream().filter(ColumnDefinition::primaryKey).toList();
        if (pks.size() != 1) {
            throw KalamException.invalidSql("Table " + id + " needs exactly one PRIMARY KEY column (BIGINT or TEXT)"
                    + (pks.isEmpty() ? "" : ", found " + pks.size()));
        }
        if (!pks.get(0).dataType().isPrimaryKeyCapable()) {
            throw KalamException.invalidSql("PRIMARY KEY column '" + pks.get(0).name() + "' must be BIGINT or TEXT, not "
                    + pks.get(0).dataType().sqlName());
        }
        long now = System.currentTimeMillis();
        TableDefinition def = new TableDefinition(id, type, defs, tableOptions, 1, defs.size(), now, now);
        storages.whileExists(new StorageId(tableOptions.storageId()), () -> {
            tables.create(def);
            catalog.putTable(def);
        });
        return StatementResult.message(type.name() + " table " + id + " created", 1, ctx.session().user());
    }

    /**
     * @throws KalamException PERMISSION_DENIED, TABLE_NOT_FOUND (unless IF EXISTS), INVALID_SQL when the
     *                        type keyword does not match the table or the namespace is reserved
     */
    public StatementResult drop(SqlDropKalamTable stmt, StatementContext ctx) {
        policy.checkDdl(ctx.session().role());
        TableId id = resolver.id(stmt.getName(), ctx.session().namespace());
        if (id.namespace().isReserved()) {
            throw KalamException.invalidSql("Cannot drop tables in reserved namespace '" + id.namespace() + "'");
        }
        TableDefinition def = catalog.table(id).orElse(null);
        if (def == null) {
            if (stmt.isIfExists()) {
                return StatementResult.message("Table " + id + " does not exist", 0, ctx.session().user());
            }
            throw new KalamException(ErrorCode.TABLE_NOT_FOUND, "ERROR: relation \"" + id + "\" does not exist");
        }
        if (stmt.getTableKind() != null && TableType.parse(stmt.getTableKind()) != def.type()) {
            throw KalamException.invalidSql("Table " + id + " is a " + def.type() + " table, not "
                    + stmt.getTableKind().toUpperCase(java.util.Locale.ROOT));
        }
        List<String> live = liveQueries.liveIdsOn(id);
        if (!live.isEmpty() && !stmt.isForce()) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Table " + id + " has " + live.size()
                    + " live quer" + (live.size() == 1 ? "y" : "ies") + " (" + String.join(", ", live.subList(0,
                    Math.min(10, live.size()))) + (live.size() > 10 ? ", …" : "") + "); end them or use DROP TABLE "
                    + id + " FORCE");
        }
        liveQueries.endAllOn(id);
        catalog.dropTable(id);
        tables.drop(def);
        return StatementResult.message("Table " + id + " dropped", 1, ctx.session().user());
    }

    private static TableType tableType(String keyword, Object option) {
        TableType fromKeyword = keyword == null ? null : TableType.parse(keyword);
        TableType fromOption = option == null ? null : TableType.parse(String.valueOf(option));
        if (fromKeyword != null && fromOption != null && fromKeyword != fromOption) {
            throw KalamException.invalidSql("Table type " + fromKeyword + " conflicts with TYPE='" + option + "'");
        }
        return fromKeyword != null ? fromKeyword : fromOption != null ? fromOption : TableType.SHARED;
    }
}
