package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER TABLE [ns.]t <action>}; one subclass per action: {@link SqlAlterTableAddColumn},
 * {@link SqlAlterTableDropColumn}, {@link SqlAlterTableModifyColumn}, {@link SqlAlterTableSetProperties}.
 */
public abstract class SqlAlterKalamTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

    private final SqlIdentifier name;

    /**
     * @param pos  statement position
     * @param name the table, {@code t} or {@code ns.t}
     */
    protected SqlAlterKalamTable(SqlParserPos pos, SqlIdentifier name) {
        super(pos);
        this.name = name;
    }

    /** @return the table, one or two name parts */
    public SqlIdentifier getName() {
        return name;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public final void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER TABLE");
        name.unparse(writer, leftPrec, rightPrec);
        unparseAction(writer);
    }

    /** Writes the part after the table name. */
    protected abstract void unparseAction(SqlWriter writer);
}
