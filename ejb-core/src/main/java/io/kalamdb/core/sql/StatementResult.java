package io.kalamdb.core.sql;

import io.kalamdb.core.model.UserId;
import java.util.List;

/**
 * The outcome of one statement: one {@code results[]} entry of the HTTP response.
 *
 * @param schema   result columns (empty for statements that return no rows)
 * @param rows     rows in schema order, canonical Java values (see {@code KalamDataType})
 * @param rowCount rows returned, or rows affected for DML
 * @param message  a human-readable summary for DDL/DML ({@code "Inserted 3 row(s)"}), or null
 * @param asUser   the user whose partition the statement ran in
 */
public record StatementResult(List<ResultColumn> schema, List<Object[]> rows, long rowCount, String message,
                              UserId asUser) {
    /** Copies the lists. */
    public StatementResult {
        schema = List.copyOf(schema);
        rows = List.copyOf(rows);
    }

    /** @return a result with no rows and a message */
    public static StatementResult message(String message, long rowCount, UserId asUser) {
        return new StatementResult(List.of(), List.of(), rowCount, message, asUser);
    }
}
