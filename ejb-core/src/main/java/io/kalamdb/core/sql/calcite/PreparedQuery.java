package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.sql.QueryLimits;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;

/**
 * A compiled, reusable query plan: safe to execute concurrently with different sessions and parameters.
 * Cached by {@link QueryPlanner} by SQL text, namespace and catalog version.
 */
public final class PreparedQuery {
    private final Bindable<Object> bindable;
    private final List<ResultColumn> columns;
    private final List<KalamDataType> paramTypes;
    private final SchemaPlus root;
    private final JavaTypeFactory typeFactory;
    private final Map<String, Object> stash;

    PreparedQuery(Bindable<Object> bindable, List<ResultColumn> columns, List<KalamDataType> paramTypes,
                  SchemaPlus root, JavaTypeFactory typeFactory, Map<String, Object> stash) {
        this.stash = Map.copyOf(stash);
        this.bindable = bindable;
        this.columns = List.copyOf(columns);
        this.paramTypes = List.copyOf(paramTypes);
        this.root = root;
        this.typeFactory = typeFactory;
    }

    /** @return the result columns */
    public List<ResultColumn> columns() {
        return columns;
    }

    /** @return the number of {@code ?} parameters */
    public int parameterCount() {
        return paramTypes.size();
    }

    /**
     * Runs the plan.
     *
     * @param session the caller (scopes USER partitions, checks access)
     * @param params  parameter values by {@code ?} index, as given by the client (coerced to the inferred
     *                parameter types)
     * @param nowMillis the statement's time for CURRENT_TIMESTAMP / NOW(), epoch milliseconds
     * @return rows of canonical values in column order
     * @throws io.kalamdb.core.model.KalamException CONSTRAINT_VIOLATION if a parameter does not fit its type,
     *         PERMISSION_DENIED from scans
     */
    public List<Object[]> execute(SqlSession session, List<Object> params, long nowMillis) {
        return run(session, params, nowMillis, QueryBudget.UNLIMITED);
    }

    /**
     * Runs the plan within bounds ({@link QueryBudget}): rows scanned and produced are counted, and the clock is read
     * every few hundred of them, so an overrunning query stops rather than running on; point lookups and system
     * views do not count.
     *
     * @param session   the caller (scopes USER partitions, checks access)
     * @param params    parameter values by {@code ?} index, as given by the client
     * @param nowMillis the statement's time for CURRENT_TIMESTAMP / NOW(), epoch milliseconds
     * @param limits    the statement timeout and maximum result rows
     * @return rows of canonical values in column order
     * @throws io.kalamdb.core.model.KalamException CONSTRAINT_VIOLATION if a parameter does not fit its type,
     *         PERMISSION_DENIED from scans, SQL_EXECUTION_ERROR past the statement timeout, MESSAGE_TOO_LARGE past
     *         the maximum result rows
     */
    public List<Object[]> execute(SqlSession session, List<Object> params, long nowMillis, QueryLimits limits) {
        return run(session, params, nowMillis, limits.equals(QueryLimits.NONE) ? QueryBudget.UNLIMITED
                : new QueryBudget(limits));
    }

    private List<Object[]> run(SqlSession session, List<Object> params, long nowMillis, QueryBudget budget) {
        List<Object> internal = new ArrayList<>(params.size());
        for (int i = 0; i < paramTypes.size(); i++) {
            KalamDataType t = paramTypes.get(i);
            internal.add(CalciteTypes.toCalcite(t, t.coerce(i < params.size() ? params.get(i) : null)));
        }
        List<Object[]> rows = new ArrayList<>();
        try (Enumerator<Object> e = bindable.bind(new KalamDataContext(root, typeFactory, session, internal, stash, nowMillis,
                budget)).enumerator()) {
            while (e.moveNext()) {
                budget.admitRow(rows.size());
                Object current = e.current();
                Object[] raw = current instanceof Object[] a ? a : new Object[] {current};
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = CalciteTypes.fromCalcite(columns.get(i).type(), raw[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
