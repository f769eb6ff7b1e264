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

/** {@code FLUSH TABLE t} or {@code STORAGE FLUSH TABLE t}: flushes the table's hot rows to Parquet. */
public final class SqlFlushTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("FLUSH TABLE", SqlKind.OTHER);

    private final SqlIdentifier tableName;

    /**
     * @param pos       statement position
     * @param tableName the table, {@code t} or {@code ns.t}
     */
    public SqlFlushTable(SqlParserPos pos, SqlIdentifier tableName) {
        super(pos);
        this.tableName = tableName;
    }

    /** @return the table, one ({@code t}) or two ({@code ns.t}) name parts */
    public SqlIdentifier getTableName() {
        return tableName;
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
        writer.keyword("FLUSH TABLE");
        tableName.unparse(writer, leftPrec, rightPrec);
    }
}
