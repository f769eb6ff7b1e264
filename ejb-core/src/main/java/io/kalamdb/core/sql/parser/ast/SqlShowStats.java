package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/** {@code SHOW STATS [FOR TABLE t]}: engine-wide or per-table statistics. */
public final class SqlShowStats extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW STATS", SqlKind.OTHER);

    private final SqlIdentifier tableName;

    /**
     * @param pos       statement position
     * @param tableName the table after FOR TABLE, or null for engine-wide statistics
     */
    public SqlShowStats(SqlParserPos pos, SqlIdentifier tableName) {
        super(pos);
        this.tableName = tableName;
    }

    /** @return the table after FOR TABLE ({@code t} or {@code ns.t}), or null if none was given */
    public SqlIdentifier getTableName() {
        return tableName;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(tableName);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SHOW STATS");
        if (tableName != null) {
            writer.keyword("FOR TABLE");
            tableName.unparse(writer, leftPrec, rightPrec);
        }
    }
}
