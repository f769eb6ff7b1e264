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

/** {@code DROP [USER|SHARED|STREAM] TABLE [IF EXISTS] [ns.]t}. */
public final class SqlDropKalamTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);

    private final String tableKind;
    private final boolean ifExists;
    private final SqlIdentifier name;
    private final boolean force;

    /**
     * @param pos       statement position
     * @param tableKind USER, SHARED or STREAM as written before TABLE, or null
     * @param ifExists  whether IF EXISTS was given
     * @param name      the table, {@code t} or {@code ns.t}
     * @param force     whether FORCE was given (drop even while live queries read the table)
     */
    public SqlDropKalamTable(SqlParserPos pos, String tableKind, boolean ifExists, SqlIdentifier name,
                             boolean force) {
        super(pos);
        this.tableKind = tableKind;
        this.ifExists = ifExists;
        this.name = name;
        this.force = force;
    }

    /** @return whether FORCE was given */
    public boolean isForce() {
        return force;
    }

    /** @return USER, SHARED or STREAM as written before TABLE, or null if none was written */
    public String getTableKind() {
        return tableKind;
    }

    /** @return whether IF EXISTS was given */
    public boolean isIfExists() {
        return ifExists;
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
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP");
        if (tableKind != null) {
            writer.keyword(tableKind);
        }
        writer.keyword("TABLE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        if (force) {
            writer.keyword("FORCE");
        }
    }
}
