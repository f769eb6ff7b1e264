package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code ALTER TABLE t ADD [COLUMN] <column definition>}. */
public final class SqlAlterTableAddColumn extends SqlAlterKalamTable {
    private final SqlKalamColumn column;

    /**
     * @param pos    statement position
     * @param name   the table
     * @param column the new column, with all clauses of a CREATE TABLE column
     */
    public SqlAlterTableAddColumn(SqlParserPos pos, SqlIdentifier name, SqlKalamColumn column) {
        super(pos, name);
        this.column = column;
    }

    /** @return the new column */
    public SqlKalamColumn getColumn() {
        return column;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(getName(), column);
    }

    @Override
    protected void unparseAction(SqlWriter writer) {
        writer.keyword("ADD COLUMN");
        column.unparse(writer, 0, 0);
    }
}
