package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.ColumnDefault;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.sql.parser.ast.SqlKalamColumn;
import org.apache.calcite.sql.SqlNode;

/**
 * Turns a parsed column definition into a {@link ColumnDefinition}: resolves the type (aliases included),
 * refuses the reserved system column names, and checks the DEFAULT by evaluating it once and coercing it
 * to the column type — so {@code INT DEFAULT 'abc'} fails at CREATE, not at the first INSERT.
 */
final class ColumnFactory {
    private final ExpressionEvaluator evaluator;

    ColumnFactory(ExpressionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * @param column   the parsed column
     * @param columnId the id to give it
     * @param ordinal  its 1-based position
     * @throws KalamException INVALID_SQL for a bad name or type, CONSTRAINT_VIOLATION for a default of the
     *                        wrong type
     */
    ColumnDefinition build(SqlKalamColumn column, int columnId, int ordinal, StatementContext ctx) {
        String name = column.getName();
        if (name.equals(TableDefinition.SEQ_COLUMN) || name.equals(TableDefinition.DELETED_COLUMN)) {
            throw KalamException.invalidSql("Column name '" + name + "' is reserved for a system column");
        }
        KalamDataType type = KalamDataType.fromSql(column.getTypeName(), column.getTypeParams());
        boolean pk = column.isPrimaryKey();
        boolean nullable = !pk && !Boolean.TRUE.equals(column.getNotNull());
        if (pk && Boolean.FALSE.equals(column.getNotNull())) {
            throw KalamException.invalidSql("Primary key column '" + name + "' cannot be NULL");
        }
        ColumnDefault dflt = ColumnDefault.NONE;
        SqlNode expr = column.getDefaultExpr();
        if (expr != null) {
            Object sample = evaluator.evaluate(expr, ctx);
            type.coerce(sample);
            dflt = ColumnDefault.of(SqlText.of(expr));
        }
        return new ColumnDefinition(columnId, name, ordinal, type, nullable, pk, dflt, column.getComment());
    }
}
