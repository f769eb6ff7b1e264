package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.SqlSession;
import java.util.List;

/**
 * What one statement runs with: the session, its SQL text (the plan-cache key), its parameter values in
 * {@code ?} order (already mapped from {@code $n}) and its start time, which {@code NOW()} and
 * {@code CURRENT_TIMESTAMP} return for every row of the statement (as PostgreSQL does).
 *
 * @param session         the caller and current namespace
 * @param sql             the statement's text
 * @param params          values by {@code ?} index
 * @param startedAtMillis the statement's time, epoch milliseconds
 */
public record StatementContext(SqlSession session, String sql, List<Object> params, long startedAtMillis) {

    /** A context whose statement time is now. */
    public StatementContext(SqlSession session, String sql, List<Object> params) {
        this(session, sql, params, System.currentTimeMillis());
    }

    /**
     * @return the value of parameter {@code index}
     * @throws KalamException INVALID_PARAMETER if the request did not supply it
     */
    public Object param(int index) {
        if (index >= params.size()) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Statement uses parameter $" + (index + 1)
                    + " but only " + params.size() + " parameter(s) were given");
        }
        return params.get(index);
    }
}
