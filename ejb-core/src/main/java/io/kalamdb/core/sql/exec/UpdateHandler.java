package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.SchemaEvolution;
import io.kalamdb.core.table.StatementWrite;
import io.kalamdb.core.table.TableStore;
import io.kalamdb.core.table.TableStores;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * UPDATE: locks the caller's partition of the table, finds matching live rows and their new values through
 * Calcite ({@link MatchingRows}), then writes a new version of each row (new {@code _seq}) in one batch.
 * The primary key cannot be updated; NOT NULL and types are checked for every row before anything is
 * written.
 */
public final class UpdateHandler {
    private final TableResolver resolver;
    private final AccessPolicy policy;
    private final TableStores tables;
    private final MatchingRows matching;

    /** Creates the handler. */
    public UpdateHandler(TableResolver resolver, AccessPolicy policy, TableStores tables, QueryPlanner planner) {
        this.resolver = resolver;
        this.policy = policy;
        this.tables = tables;
        this.matching = new MatchingRows(planner);
    }

    /**
     * @return {@code Updated N row(s)}
     * @throws KalamException TABLE_NOT_FOUND, PERMISSION_DENIED, INVALID_SQL (unknown column, primary key
     *                        or system column), CONSTRAINT_VIOLATION
     */
    public StatementResult execute(SqlUpdate update, StatementContext ctx) {
        TableDefinition def = resolver.require((SqlIdentifier) update.getTargetTable(), ctx.session().namespace());
        policy.checkWrite(def, ctx.session().role());
        if (def.type() == TableType.STREAM) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "STREAM table rows cannot be updated");
        }
        List<ColumnDefinition> targets = new ArrayList<>();
        for (SqlNode n : update.getTargetColumnList()) {
            String name = ((SqlIdentifier) n).names.get(((SqlIdentifier) n).names.size() - 1);
            ColumnDefinition c = def.column(name).orElseThrow(() -> KalamException.invalidSql("Column \"" + name
                    + "\" of relation \"" + def.id() + "\" does not exist"));
            if (c.primaryKey()) {
                throw KalamException.invalidSql("Cannot update primary key column \"" + name + "\"");
            }
            targets.add(c);
        }
        UserId owner = def.type().isPerUser() ? ctx.session().user() : null;
        TableStore store = tables.forTable(def);
        int updated = 0;
        try (StatementWrite write = tables.newWrite()) {
            write.lock(store, owner);
            List<Object[]> rows = matching.find(def, update.getTargetTable(), update.getAlias(),
                    calciteValues(update.getSourceExpressionList().getList()), update.getCondition(), "update", ctx);
            for (Object[] row : rows) {
                Object pk = row[0];
                StoredRow current = write.read(store, owner, pk);
                if (current == null || current.deleted()) {
                    continue;
                }
                Object[] values = SchemaEvolution.currentValues(def, current);
                for (int i = 0; i < targets.size(); i++) {
                    ColumnDefinition c = targets.get(i);
                    values[c.columnId()] = c.dataType().coerce(setValue(update.getSourceExpressionList().get(i),
                            row[i + 1], ctx));
                }
                RowValues.checkNotNull(def, values);
                write.update(store, owner, pk, current, values, def.schemaVersion());
                updated++;
            }
            write.commit();
        }
        return StatementResult.message("Updated " + updated + " row(s)", updated, ctx.session().user());
    }

    /**
     * The SET values as Calcite computes them. A bare parameter ({@code SET c = $1}) has no type Calcite could
     * infer, so it goes in as {@code CAST(? AS VARCHAR)}, a placeholder that keeps the parameter numbering;
     * its value is then taken from the request as given ({@link #setValue}), exactly as INSERT takes it.
     */
    private static List<SqlNode> calciteValues(List<SqlNode> values) {
        List<SqlNode> out = new ArrayList<>(values.size());
        for (SqlNode v : values) {
            out.add(v instanceof SqlDynamicParam ? SqlStdOperatorTable.CAST.createCall(v.getParserPosition(), v,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, v.getParserPosition()),
                            v.getParserPosition())) : v);
        }
        return out;
    }

    /** @return the value a SET expression gives: the parameter as given, or what Calcite computed */
    private static Object setValue(SqlNode expression, Object computed, StatementContext ctx) {
        return expression instanceof SqlDynamicParam p ? ctx.param(p.getIndex()) : computed;
    }
}
