package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.QueryLimits;

/**
 * One execution's share of its {@link QueryLimits}: the deadline, checked by table scans for every row they
 * produce and by the result collector, so an overrunning query stops where it is (its thread throws) rather
 * than running on after the caller gave up. Used by the thread that runs the query only.
 */
final class QueryBudget {
    /** The clock is read once per this many rows: {@code System.nanoTime()} costs about as much as a row. */
    private static final int CHECK_EVERY = 256;
    /** A budget that never stops anything (it keeps no state, so it is shared). */
    static final QueryBudget UNLIMITED = new QueryBudget(QueryLimits.NONE);

    private final QueryLimits limits;
    private final long deadlineNanos;
    private int untilCheck = CHECK_EVERY;

    QueryBudget(QueryLimits limits) {
        this.limits = limits;
        this.deadlineNanos = limits.statementTimeout().isZero() ? 0 : System.nanoTime() + limits.statementTimeout().toNanos();
    }

    /**
     * Called once per row read or produced.
     *
     * @throws KalamException SQL_EXECUTION_ERROR once the statement timeout has passed
     */
    void tick() {
        if (deadlineNanos != 0 && --untilCheck <= 0) {
            untilCheck = CHECK_EVERY;
            if (System.nanoTime() - deadlineNanos >= 0) {
                long millis = limits.statementTimeout().toMillis();
                throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Statement cancelled: it ran longer than the "
                        + "statement timeout of " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms")
                        + " (kalamdb.sql.statement.timeout.seconds)");
            }
        }
    }

    /**
     * Called before a result row is added.
     *
     * @param rowsSoFar rows collected before this one
     * @throws KalamException MESSAGE_TOO_LARGE if this row would exceed the maximum result size
     */
    void admitRow(int rowsSoFar) {
        if (limits.maxResultRows() > 0 && rowsSoFar >= limits.maxResultRows()) {
            throw new KalamException(ErrorCode.MESSAGE_TOO_LARGE, "The result has more than the maximum of "
                    + limits.maxResultRows() + " rows (kalamdb.sql.max.result.rows): add a LIMIT or a narrower WHERE");
        }
        tick();
    }
}
