package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code ALTER TABLE t DROP [COLUMN] c}. */
public final class SqlAlterTableDropColumn extends SqlAlterKalamTable {
    private final String columnName;

    /**
     * @param pos        statement position
     * @param name       the table
     * @param columnName the column to drop
     */
    public SqlAlterTableDropColumn(SqlParserPos pos, SqlIdentifier name, String columnName) {
        super(pos, name);
        this.columnName = columnName;
    }

    /** @return the column to drop */
    public String getColumnName() {
        return columnName;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(getName());
    }

    @Override
    protected void unparseAction(SqlWriter writer) {
        writer.keyword("DROP COLUMN");
        Unparse.name(writer, columnName);
    }
}
