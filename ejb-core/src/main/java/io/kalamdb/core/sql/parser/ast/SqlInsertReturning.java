package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * {@code INSERT ... RETURNING * | RETURNING col, ...}: Calcite's INSERT plus the columns to return from the
 * written rows. An INSERT without RETURNING stays a plain {@link SqlInsert}.
 *
 * <p>RETURNING is a non-reserved keyword in Calcite, so in {@code INSERT ... SELECT ... FROM s RETURNING x} it is
 * read as the alias of {@code s}; give {@code s} an alias there.
 */
public final class SqlInsertReturning extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("INSERT RETURNING", SqlKind.OTHER);

    private final SqlInsert insert;
    private final SqlNodeList returning;

    /**
     * @param pos       statement position
     * @param insert    the INSERT
     * @param returning the returned columns: {@link org.apache.calcite.sql.SqlIdentifier}s, or a single star
     */
    public SqlInsertReturning(SqlParserPos pos, SqlInsert insert, SqlNodeList returning) {
        super(pos);
        this.insert = insert;
        this.returning = returning;
    }

    /** @return the INSERT */
    public SqlInsert getInsert() {
        return insert;
    }

    /**
     * @return the returned columns as simple {@link org.apache.calcite.sql.SqlIdentifier}s, or one star
     *     identifier ({@code isStar()}) for {@code RETURNING *}
     */
    public SqlNodeList getReturning() {
        return returning;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(insert, returning);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        insert.unparse(writer, 0, 0);
        writer.keyword("RETURNING");
        returning.unparse(writer, 0, 0);
    }
}
