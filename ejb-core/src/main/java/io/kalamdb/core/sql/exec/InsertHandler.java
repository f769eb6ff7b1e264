package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import io.kalamdb.core.table.StatementWrite;
import io.kalamdb.core.table.TableStore;
import io.kalamdb.core.table.TableStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * INSERT: the direct path for {@code VALUES} rows (expressions evaluated by {@link ExpressionEvaluator}, no
 * planning), Calcite for {@code INSERT … SELECT}. Omitted columns take their DEFAULT (evaluated per row) or
 * NULL; every value is coerced to its column type; NOT NULL and duplicate primary keys are checked for
 * every row before anything is written, and the statement commits as one batch. {@code RETURNING} returns
 * the stored rows (with {@code _seq} when asked for).
 */
public final class InsertHandler {
    private final TableResolver resolver;
    private final AccessPolicy policy;
    private final TableStores tables;
    private final ExpressionEvaluator evaluator;
    private final QueryPlanner planner;
    private final Function<String, SqlNode> expressionParser;
    private final Map<String, SqlNode> parsedDefaults = new ConcurrentHashMap<>();

    /**
     * @param expressionParser parses stored DEFAULT expressions (cached here by text)
     */
    public InsertHandler(TableResolver resolver, AccessPolicy policy, TableStores tables,
                         ExpressionEvaluator evaluator, QueryPlanner planner,
                         Function<String, SqlNode> expressionParser) {
        this.resolver = resolver;
        this.policy = policy;
        this.tables = tables;
        this.evaluator = evaluator;
        this.planner = planner;
        this.expressionParser = expressionParser;
    }

    /**
     * @param insert    the INSERT
     * @param returning the RETURNING list, or null
     * @return {@code Inserted N row(s)}, or the returned rows
     * @throws KalamException TABLE_NOT_FOUND, PERMISSION_DENIED, INVALID_SQL (unknown column — also in
     *                        RETURNING —, arity), CONSTRAINT_VIOLATION (NOT NULL, type, duplicate key) — nothing
     *                        written then
     */
    public StatementResult execute(SqlInsert insert, SqlNodeList returning, StatementContext ctx) {
        TableDefinition def = resolver.require((SqlIdentifier) insert.getTargetTable(), ctx.session().namespace());
        policy.checkWrite(def, ctx.session().role());
        List<ColumnDefinition> targets = targetColumns(def, insert.getTargetColumnList());
        Returning returned = returning == null ? null : Returning.resolve(def, returning);
        List<List<Object>> sourceRows = sourceRows(insert.getSource(), targets.size(), ctx);
        UserId owner = def.type().isPerUser() ? ctx.session().user() : null;
        TableStore store = tables.forTable(def);
        List<Object[]> stored = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        try (StatementWrite write = tables.newWrite()) {
            for (List<Object> source : sourceRows) {
                Object[] values = buildRow(def, targets, source, ctx);
                Object pk = values[def.primaryKey().columnId()];
                seqs.add(def.type() == TableType.STREAM ? write.append(store, owner, values, def.schemaVersion())
                        : write.insert(store, owner, pk, values, def.schemaVersion()));
                stored.add(values);
            }
            write.commit();
        }
        if (returned == null) {
            return StatementResult.message("Inserted " + stored.size() + " row(s)", stored.size(), ctx.session().user());
        }
        return returned.result(stored, seqs, ctx);
    }

    private List<ColumnDefinition> targetColumns(TableDefinition def, SqlNodeList columnList) {
        if (columnList == null || columnList.isEmpty()) {
            return def.columns();
        }
        List<ColumnDefinition> out = new ArrayList<>();
        for (SqlNode n : columnList) {
            String name = ((SqlIdentifier) n).getSimple();
            ColumnDefinition c = def.column(name).orElseThrow(() -> KalamException.invalidSql("Column \"" + name
                    + "\" of relation \"" + def.id() + "\" does not exist"));
            if (out.contains(c)) {
                throw KalamException.invalidSql("Column \"" + name + "\" specified more than once");
            }
            out.add(c);
        }
        return out;
    }

    private List<List<Object>> sourceRows(SqlNode source, int arity, StatementContext ctx) {
        List<List<Object>> rows = new ArrayList<>();
        if (source.getKind() == SqlKind.VALUES) {
            for (SqlNode rowNode : ((SqlCall) source).getOperandList()) {
                List<SqlNode> exprs = rowNode.getKind() == SqlKind.ROW
                        ? ((SqlBasicCall) rowNode).getOperandList() : List.of(rowNode);
                if (exprs.size() != arity) {
                    throw KalamException.invalidSql("INSERT has " + arity + " target column(s) but a VALUES row has "
                            + exprs.size() + " value(s)");
                }
                List<Object> values = new ArrayList<>();
                for (SqlNode e : exprs) {
                    values.add(isUnquotedDefault(e) ? ExpressionEvaluator.DEFAULT : evaluator.evaluate(e, ctx));
                }
                rows.add(values);
            }
            return rows;
        }
        StatementContext selectCtx = new StatementContext(ctx.session(), "\u0000insert-select\u0000" + ctx.sql(),
                ctx.params(), ctx.startedAtMillis());
        var plan = planner.prepare(selectCtx.sql(), source, ctx.session().namespace());
        if (plan.columns().size() != arity) {
            throw KalamException.invalidSql("INSERT has " + arity + " target column(s) but the SELECT returns "
                    + plan.columns().size());
        }
        for (Object[] r : plan.execute(ctx.session(), ctx.params(), ctx.startedAtMillis())) {
            rows.add(new ArrayList<>(List.of(r)));
        }
        return rows;
    }

    /**
     * @return whether a VALUES cell is the unquoted identifier {@code default}: the keyword DEFAULT, which the grammar
     *         reads as an identifier in a VALUES row since DEFAULT became non-reserved (for the namespace
     *         {@code default}); a VALUES row cannot name a column, so nothing else is meant. (Calcite's own DEFAULT call
     *         is recognised by the {@link ExpressionEvaluator}; a quoted {@code "default"} is an identifier.)
     */
    private static boolean isUnquotedDefault(SqlNode cell) {
        return cell instanceof SqlIdentifier id && id.isSimple() && !id.isComponentQuoted(0)
                && id.getSimple().equals("default");
    }

    private Object[] buildRow(TableDefinition def, List<ColumnDefinition> targets, List<Object> source,
                              StatementContext ctx) {
        Object[] values = new Object[def.nextColumnId()];
        boolean[] given = new boolean[def.nextColumnId()];
        for (int i = 0; i < targets.size(); i++) {
            ColumnDefinition c = targets.get(i);
            Object v = source.get(i);
            if (v != ExpressionEvaluator.DEFAULT) {
                values[c.columnId()] = c.dataType().coerce(v);
                given[c.columnId()] = true;
            }
        }
        for (ColumnDefinition c : def.columns()) {
            if (!given[c.columnId()] && c.defaultValue().isPresent()) {
                SqlNode expr = parsedDefaults.computeIfAbsent(c.defaultValue().sql(), expressionParser);
                values[c.columnId()] = c.dataType().coerce(evaluator.evaluate(expr, ctx));
            }
        }
        RowValues.checkNotNull(def, values);
        return values;
    }

    /**
     * A resolved RETURNING list: the result schema and, per output column, the table column it shows
     * (null for {@code _seq}). Resolved before anything is written, so a bad RETURNING writes nothing.
     */
    private record Returning(List<ResultColumn> schema, List<ColumnDefinition> columns) {

        /** @throws KalamException INVALID_SQL for an unknown column */
        static Returning resolve(TableDefinition def, SqlNodeList returning) {
            List<ResultColumn> schema = new ArrayList<>();
            List<ColumnDefinition> cols = new ArrayList<>();
            for (SqlNode n : returning) {
                SqlIdentifier id = (SqlIdentifier) n;
                String name = id.names.get(id.names.size() - 1);
                if (id.isStar()) {
                    for (ColumnDefinition c : def.columns()) {
                        cols.add(c);
                        schema.add(ResultColumn.of(c));
                    }
                } else if (name.equals(TableDefinition.SEQ_COLUMN)) {
                    cols.add(null);
                    schema.add(ResultColumn.of(TableDefinition.SEQ_COLUMN, KalamDataType.BIGINT));
                } else {
                    ColumnDefinition c = def.column(name).orElseThrow(() -> KalamException.invalidSql(
                            "RETURNING column \"" + name + "\" does not exist in " + def.id()));
                    cols.add(c);
                    schema.add(ResultColumn.of(c));
                }
            }
            return new Returning(schema, cols);
        }

        StatementResult result(List<Object[]> stored, List<Long> seqs, StatementContext ctx) {
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < stored.size(); r++) {
                Object[] out = new Object[columns.size()];
                for (int i = 0; i < out.length; i++) {
                    ColumnDefinition c = columns.get(i);
                    out[i] = c == null ? seqs.get(r) : stored.get(r)[c.columnId()];
                }
                rows.add(out);
            }
            return new StatementResult(schema, rows, rows.size(), null, ctx.session().user());
        }
    }
}
