package io.kalamdb.core.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one query (SELECT, UNION, VALUES and WITH, as run by the query handler): how long it may run and how
 * many rows it may return. A query over either bound stops and fails; nothing it read is returned. Planner work
 * inside other statements — the SELECT of INSERT … SELECT, the candidate scans of UPDATE and DELETE, expression
 * fallbacks — is not bounded.
 *
 * @param statementTimeout the longest a query may run; zero turns the bound off
 * @param maxResultRows    the most rows a query may return; 0 turns the bound off
 */
public record QueryLimits(Duration statementTimeout, long maxResultRows) {
    /** No bounds (the engine's default until the server configures it). */
    public static final QueryLimits NONE = new QueryLimits(Duration.ZERO, 0);

    /** Requires a non-negative timeout and row count. */
    public QueryLimits {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative() || maxResultRows < 0) {
            throw new IllegalArgumentException("Query limits must not be negative: " + statementTimeout + ", "
                    + maxResultRows);
        }
    }
}
