package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CLEAR CACHE}: Clears the engine's caches (plans, table definitions). */
public final class SqlClearCache extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CLEAR CACHE", SqlKind.OTHER);

    /** @param pos statement position */
    public SqlClearCache(SqlParserPos pos) {
        super(pos, OPERATOR);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CLEAR CACHE");
    }
}
