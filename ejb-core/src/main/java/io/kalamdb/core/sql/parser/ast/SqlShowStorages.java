package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW STORAGES}: Lists the storages. */
public final class SqlShowStorages extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW STORAGES", SqlKind.OTHER);

    /** @param pos statement position */
    public SqlShowStorages(SqlParserPos pos) {
        super(pos, OPERATOR);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SHOW STORAGES");
    }
}
