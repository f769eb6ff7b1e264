package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamDataType.Kind;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableOptions;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlAlterKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlAlterTableAddColumn;
import io.kalamdb.core.sql.parser.ast.SqlAlterTableDropColumn;
import io.kalamdb.core.sql.parser.ast.SqlAlterTableModifyColumn;
import io.kalamdb.core.sql.parser.ast.SqlAlterTableSetProperties;
import io.kalamdb.core.sql.parser.ast.SqlKalamColumn;
import io.kalamdb.core.table.TableStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ALTER TABLE: ADD COLUMN, DROP COLUMN, MODIFY COLUMN and SET TBLPROPERTIES, each recorded as a new schema
 * version (DESCRIBE TABLE … HISTORY shows them). Rows are never rewritten: values are stored by column id,
 * so an added column reads as NULL in older rows (its DEFAULT applies to new rows) and a dropped column's
 * values are simply no longer read. Hence:
 * <ul>
 * <li>ADD COLUMN … NOT NULL is refused (existing rows would violate it);</li>
 * <li>MODIFY COLUMN allows only conversions every stored value survives — SMALLINT→INT→BIGINT,
 * FLOAT→DOUBLE, DECIMAL with more precision and the same scale — and dropping NOT NULL; adding NOT NULL
 * is refused for the same reason as above.</li>
 * </ul>
 * Setting or lowering a STREAM table's {@code MAX_BUFFER} trims every user's partition to the new cap at once.
 */
public final class AlterTableHandler {
    private final Catalog catalog;
    private final TableResolver resolver;
    private final AccessPolicy policy;
    private final ColumnFactory columns;
    private final TableStores tables;

    /** Creates the handler. */
    public AlterTableHandler(Catalog catalog, TableResolver resolver, AccessPolicy policy,
                             ExpressionEvaluator evaluator, TableStores tables) {
        this.tables = tables;
        this.catalog = catalog;
        this.resolver = resolver;
        this.policy = policy;
        this.columns = new ColumnFactory(evaluator);
    }

    /**
     * @return {@code Table ns.t altered (schema version N)}
     * @throws KalamException PERMISSION_DENIED, TABLE_NOT_FOUND, INVALID_SQL for a change the rules above
     *                        refuse or a {@code system.*} view
     */
    public StatementResult execute(SqlAlterKalamTable stmt, StatementContext ctx) {
        policy.checkDdl(ctx.session().role());
        TableDefinition def = resolver.require(stmt.getName(), ctx.session().namespace());
        if (def.id().namespace().isReserved()) {
            throw KalamException.invalidSql("Cannot alter tables in reserved namespace '" + def.id().namespace() + "'");
        }
        List<ColumnDefinition> cols = new ArrayList<>(def.columns());
        TableOptions options = def.options();
        int nextColumnId = def.nextColumnId();
        if (stmt instanceof SqlAlterTableAddColumn add) {
            SqlKalamColumn c = add.getColumn();
            if (def.column(c.getName()).isPresent()) {
                throw KalamException.invalidSql("Column '" + c.getName() + "' already exists in " + def.id());
            }
            if (c.isPrimaryKey() || Boolean.TRUE.equals(c.getNotNull())) {
                throw KalamException.invalidSql("ADD COLUMN cannot add a PRIMARY KEY or NOT NULL column: existing "
                        + "rows have no value for it");
            }
            cols.add(columns.build(c, nextColumnId++, cols.size() + 1, ctx));
        } else if (stmt instanceof SqlAlterTableDropColumn drop) {
            ColumnDefinition c = column(def, drop.getColumnName());
            if (c.primaryKey()) {
                throw KalamException.invalidSql("Cannot drop primary key column '" + c.name() + "'");
            }
            cols.remove(c);
            for (int i = 0; i < cols.size(); i++) {
                cols.set(i, cols.get(i).withOrdinal(i + 1));
            }
        } else if (stmt instanceof SqlAlterTableModifyColumn modify) {
            SqlKalamColumn spec = modify.getColumn();
            ColumnDefinition c = column(def, spec.getName());
            KalamDataType type = KalamDataType.fromSql(spec.getTypeName(), spec.getTypeParams());
            boolean nullable = spec.getNotNull() == null ? c.nullable() : !spec.getNotNull();
            if (!type.equals(c.dataType()) && !widens(c.dataType(), type)) {
                throw KalamException.invalidSql("Cannot change column '" + c.name() + "' from "
                        + c.dataType().sqlName() + " to " + type.sqlName() + ": only widening conversions are allowed");
            }
            if (c.nullable() && !nullable) {
                throw KalamException.invalidSql("Cannot make column '" + c.name() + "' NOT NULL: existing rows may "
                        + "hold NULL");
            }
            if (c.primaryKey() && (nullable || !type.equals(c.dataType()))) {
                throw KalamException.invalidSql("Cannot change primary key column '" + c.name() + "'");
            }
            cols.set(cols.indexOf(c), c.withType(type, nullable));
        } else if (stmt instanceof SqlAlterTableSetProperties set) {
            Map<String, Object> props = set.getProperties();
            if (props.containsKey("TYPE")) {
                throw KalamException.invalidSql("The table type cannot be changed");
            }
            options = TableOptionsParser.parse(def.type(), options, props, false);
        } else {
            throw KalamException.invalidSql("Unsupported ALTER TABLE form");
        }
        TableDefinition next = new TableDefinition(def.id(), def.type(), cols, options, def.schemaVersion() + 1,
                nextColumnId, def.createdAt(), System.currentTimeMillis());
        catalog.putTable(next);
        if (lowersBuffer(def.options().maxBuffer(), options.maxBuffer())) {
            tables.trimToBuffer(next);
        }
        return StatementResult.message("Table " + def.id() + " altered (schema version " + next.schemaVersion()
                + ")", 1, ctx.session().user());
    }

    private static boolean lowersBuffer(Long before, Long after) {
        return after != null && (before == null || after < before);
    }

    private static ColumnDefinition column(TableDefinition def, String name) {
        return def.column(name).orElseThrow(() -> KalamException.invalidSql("Column '" + name
                + "' does not exist in " + def.id()));
    }

    private static boolean widens(KalamDataType from, KalamDataType to) {
        Kind f = from.kind();
        Kind t = to.kind();
        return f == Kind.SMALLINT && (t == Kind.INT || t == Kind.BIGINT)
                || f == Kind.INT && t == Kind.BIGINT
                || f == Kind.FLOAT && t == Kind.DOUBLE
                || f == Kind.DECIMAL && t == Kind.DECIMAL && to.scale() == from.scale()
                        && to.precision() >= from.precision();
    }
}
