package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code ALTER TABLE t MODIFY [COLUMN] c type [NULL | NOT NULL]}. */
public final class SqlAlterTableModifyColumn extends SqlAlterKalamTable {
    private final SqlKalamColumn column;

    /**
     * @param pos    statement position
     * @param name   the table
     * @param column the column's new definition: name, type and nullability only (no key, default or comment)
     */
    public SqlAlterTableModifyColumn(SqlParserPos pos, SqlIdentifier name, SqlKalamColumn column) {
        super(pos, name);
        this.column = column;
    }

    /**
     * @return the new definition; {@link SqlKalamColumn#getNotNull()} is null when the nullability was not
     *     written (keep the current one)
     */
    public SqlKalamColumn getColumn() {
        return column;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(getName(), column);
    }

    @Override
    protected void unparseAction(SqlWriter writer) {
        writer.keyword("MODIFY COLUMN");
        column.unparse(writer, 0, 0);
    }
}
