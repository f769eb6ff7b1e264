package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.SqlSession;
import java.util.List;

/**
 * What one statement runs with: the session, its SQL text (the plan-cache key) and its parameter values
 * in {@code ?} order (already mapped from {@code $n}).
 *
 * @param session the caller and current namespace
 * @param sql     the statement's text
 * @param params  values by {@code ?} index
 */
public record StatementContext(SqlSession session, String sql, List<Object> params) {

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
