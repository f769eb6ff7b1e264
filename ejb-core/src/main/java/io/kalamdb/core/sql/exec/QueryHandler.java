package io.kalamdb.core.sql.exec;

import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.PreparedQuery;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Runs SELECT (and UNION, VALUES, WITH, ORDER BY …) through the cached Calcite plan. */
public final class QueryHandler {
    private final QueryPlanner planner;

    /** @param planner plans and caches queries */
    public QueryHandler(QueryPlanner planner) {
        this.planner = planner;
    }

    /**
     * @param query a freshly parsed query node
     * @return the rows, with the schema
     */
    public StatementResult execute(SqlNode query, StatementContext ctx) {
        PreparedQuery plan = planner.prepare(ctx.sql(), query, ctx.session().namespace());
        List<Object[]> rows = plan.execute(ctx.session(), ctx.params(), ctx.startedAtMillis());
        return new StatementResult(plan.columns(), rows, rows.size(), null, ctx.session().user());
    }
}
