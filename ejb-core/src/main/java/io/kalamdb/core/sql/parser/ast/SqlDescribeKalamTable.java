package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code DESCRIBE TABLE t [HISTORY]} (also {@code DESC TABLE t}): the columns, or the schema versions. */
public final class SqlDescribeKalamTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DESCRIBE TABLE", SqlKind.DESCRIBE_TABLE);

    private final SqlIdentifier tableName;
    private final boolean history;

    /**
     * @param pos       statement position
     * @param tableName the table, {@code t} or {@code ns.t}
     * @param history   whether HISTORY was given
     */
    public SqlDescribeKalamTable(SqlParserPos pos, SqlIdentifier tableName, boolean history) {
        super(pos);
        this.tableName = tableName;
        this.history = history;
    }

    /** @return the table, one or two name parts */
    public SqlIdentifier getTableName() {
        return tableName;
    }

    /** @return whether HISTORY was given (list schema versions instead of the current columns) */
    public boolean isHistory() {
        return history;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(tableName);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DESCRIBE TABLE");
        tableName.unparse(writer, leftPrec, rightPrec);
        if (history) {
            writer.keyword("HISTORY");
        }
    }
}
