package io.kalamdb.core.sql.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Base of the KalamDB statement nodes: a Calcite call with a fixed operator (its name is the statement's
 * keywords) and no operands — the statement's parts are plain fields read through getters, since these
 * statements are executed by KalamDB, never validated or planned by Calcite.
 */
public abstract class KalamStatement extends SqlCall {
    private final SqlOperator operator;

    /**
     * @param pos      statement position
     * @param operator the statement's operator
     */
    protected KalamStatement(SqlParserPos pos, SqlOperator operator) {
        super(pos);
        this.operator = operator;
    }

    @Override
    public SqlOperator getOperator() {
        return operator;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }
}
