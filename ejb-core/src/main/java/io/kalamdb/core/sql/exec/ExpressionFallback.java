package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import io.kalamdb.core.sql.parser.KalamSqlParser;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Evaluates an expression the {@link ExpressionEvaluator} does not know (e.g. {@code 'a' || 'b'},
 * {@code 2 * 3}, {@code UPPER('x')}) by planning {@code SELECT expr} through Calcite (cached like any
 * query). The expression is re-parsed from its SQL text first, so a node that is reused (a stored DEFAULT)
 * is never mutated by validation.
 */
public final class ExpressionFallback implements BiFunction<SqlNode, StatementContext, Object> {
    private final QueryPlanner planner;

    /** @param planner plans the one-row query */
    public ExpressionFallback(QueryPlanner planner) {
        this.planner = planner;
    }

    /**
     * @return the expression's value (canonical)
     * @throws KalamException INVALID_SQL if the expression does not validate (e.g. names a column)
     */
    @Override
    public Object apply(SqlNode expression, StatementContext ctx) {
        String text = SqlText.of(expression);
        SqlNode fresh = KalamSqlParser.parseExpression(text);
        SqlSelect select = new SqlSelect(SqlParserPos.ZERO, SqlNodeList.EMPTY,
                new SqlNodeList(List.of(fresh), SqlParserPos.ZERO), null, null, null, null, null, null, null, null,
                null, null);
        List<Object[]> rows = planner.prepare("\u0000expr\u0000" + text, select, ctx.session().namespace())
                .execute(ctx.session(), ctx.params(), ctx.startedAtMillis());
        return rows.get(0)[0];
    }
}
