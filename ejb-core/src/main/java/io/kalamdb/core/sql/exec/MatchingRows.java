package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Finds the rows an UPDATE or DELETE touches. The direct path: a WHERE of exactly {@code pk = <literal |
 * parameter>} with SET values that need no row (literals, parameters, id and time functions) yields the key
 * and values without planning — the handler then reads that one row. Everything else runs
 * {@code SELECT pk, exprs… FROM t [AS a] WHERE cond} through Calcite (Calcite's own table-modify path cannot
 * update or delete; see STACK-NOTES), cached under the DML statement's text.
 */
final class MatchingRows {
    private static final Object NOT_CONSTANT = new Object();

    private final QueryPlanner planner;
    private final ExpressionEvaluator constants = new ExpressionEvaluator((node, ctx) -> NOT_CONSTANT);

    MatchingRows(QueryPlanner planner) {
        this.planner = planner;
    }

    /**
     * @param def       the target table
     * @param target    the table name as written
     * @param alias     its alias, or null
     * @param exprs     extra expressions to compute per row (UPDATE's SET values), may be empty
     * @param condition the WHERE, or null for every row
     * @param kind      "update" or "delete", part of the plan-cache key
     * @return rows of {@code [key, expr values…]} — the key is the primary key, or {@code _seq} for a STREAM
     *         table: candidates, which the caller re-reads under its lock
     */
    List<Object[]> find(TableDefinition def, SqlNode target, SqlIdentifier alias, List<SqlNode> exprs,
                        SqlNode condition, String kind, StatementContext ctx) {
        boolean stream = def.type() == TableType.STREAM;
        Optional<Object> key = stream ? Optional.empty()
                : PrimaryKeyPredicate.match(condition, def, alias == null ? null : alias.getSimple(), ctx);
        if (key.isPresent()) {
            Object[] row = new Object[exprs.size() + 1];
            row[0] = key.get();
            boolean direct = true;
            for (int i = 0; i < exprs.size() && direct; i++) {
                row[i + 1] = constants.evaluate(exprs.get(i), ctx);
                direct = row[i + 1] != NOT_CONSTANT && row[i + 1] != ExpressionEvaluator.DEFAULT;
            }
            if (direct) {
                List<Object[]> rows = new ArrayList<>();
                rows.add(row);
                return rows;
            }
        }
        SqlParserPos pos = SqlParserPos.ZERO;
        List<SqlNode> select = new ArrayList<>();
        String qualifier = alias != null ? alias.getSimple() : null;
        String pk = stream ? TableDefinition.SEQ_COLUMN : def.primaryKey().name();
        select.add(qualifier != null ? new SqlIdentifier(List.of(qualifier, pk), pos) : new SqlIdentifier(pk, pos));
        select.addAll(exprs);
        SqlNode from = alias == null ? target
                : new SqlBasicCall(SqlStdOperatorTable.AS, new SqlNode[] {target, alias}, pos);
        SqlSelect query = new SqlSelect(pos, SqlNodeList.EMPTY, new SqlNodeList(select, pos), from, condition,
                null, null, null, null, null, null, null, null);
        return planner.prepare("\u0000" + kind + "\u0000" + ctx.sql(), query, ctx.session().namespace())
                .execute(ctx.session(), ctx.params(), ctx.startedAtMillis());
    }
}
