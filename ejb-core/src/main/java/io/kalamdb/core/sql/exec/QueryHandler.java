package io.kalamdb.core.sql.exec;

import io.kalamdb.core.sql.QueryLimits;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.PreparedQuery;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs SELECT (and UNION, VALUES, WITH, ORDER BY …) through the cached Calcite plan, within the configured
 * {@link QueryLimits} (none until {@link #limits(QueryLimits)} sets them).
 */
public final class QueryHandler {
    private final QueryPlanner planner;
    private volatile QueryLimits limits = QueryLimits.NONE;

    /** @param planner plans and caches queries */
    public QueryHandler(QueryPlanner planner) {
        this.planner = planner;
    }

    /** Sets the statement timeout and maximum result rows of the queries that start from now on. */
    public void limits(QueryLimits newLimits) {
        this.limits = newLimits;
    }

    /**
     * @param query a freshly parsed query node
     * @return the rows, with the schema
     * @throws io.kalamdb.core.model.KalamException SQL_EXECUTION_ERROR past the statement timeout,
     *         MESSAGE_TOO_LARGE past the maximum result rows, or the query's own error
     */
    public StatementResult execute(SqlNode query, StatementContext ctx) {
        PreparedQuery plan = planner.prepare(ctx.sql(), query, ctx.session().namespace());
        List<Object[]> rows = plan.execute(ctx.session(), ctx.params(), ctx.startedAtMillis(), limits);
        return new StatementResult(plan.columns(), rows, rows.size(), null, ctx.session().user());
    }
}
