package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * {@code EXECUTE AS USER 'id' ( statement )}: runs one statement (any statement, including SELECT, INSERT,
 * UPDATE and DELETE) in another user's partition. Cannot be nested.
 */
public final class SqlExecuteAsUser extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXECUTE AS USER", SqlKind.OTHER);

    private final String userId;
    private final SqlNode statement;

    /**
     * @param pos       statement position
     * @param userId    the user to act as
     * @param statement the wrapped statement
     */
    public SqlExecuteAsUser(SqlParserPos pos, String userId, SqlNode statement) {
        super(pos);
        this.userId = userId;
        this.statement = statement;
    }

    /** @return the user to act as */
    public String getUserId() {
        return userId;
    }

    /** @return the wrapped statement */
    public SqlNode getStatement() {
        return statement;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(statement);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("EXECUTE AS USER");
        Unparse.string(writer, userId);
        final SqlWriter.Frame frame = writer.startList("(", ")");
        statement.unparse(writer, 0, 0);
        writer.endList(frame);
    }
}
