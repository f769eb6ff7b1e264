package io.kalamdb.core.sql.exec;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;

/**
 * Unparses an expression to SQL text that our parser reads back to the same tree and that reads naturally
 * in {@code DESCRIBE}: identifiers are not quoted, function names keep their spelling ({@code NOW()},
 * {@code SNOWFLAKE_ID()}).
 */
final class SqlText {
    private static final SqlDialect DIALECT = new SqlDialect(SqlDialect.EMPTY_CONTEXT
            .withDatabaseProduct(SqlDialect.DatabaseProduct.CALCITE).withIdentifierQuoteString(null));

    private SqlText() {
    }

    static String of(SqlNode node) {
        return node.toSqlString(DIALECT).getSql();
    }
}
