package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * Recognises a WHERE that is exactly {@code pk = <literal | parameter>} (either side, the column optionally
 * qualified by the table alias) — the shape the direct paths answer with one RocksDB get instead of a
 * Calcite plan.
 */
final class PrimaryKeyPredicate {
    /** Evaluates the literal side; anything it does not know is no literal, so no match. */
    private static final ExpressionEvaluator LITERALS = new ExpressionEvaluator((node, ctx) -> null);

    private PrimaryKeyPredicate() {
    }

    /**
     * @param where the condition, or null
     * @param def   the table
     * @param alias the table's alias in the statement, or null
     * @return the primary-key value coerced to the key type, or empty if the condition has another shape or
     *         the value does not fit the key type (the planned path then decides)
     */
    static Optional<Object> match(SqlNode where, TableDefinition def, String alias, StatementContext ctx) {
        if (!(where instanceof SqlBasicCall call) || call.getKind() != SqlKind.EQUALS) {
            return Optional.empty();
        }
        String pk = def.primaryKey().name();
        SqlNode left = call.operand(0);
        SqlNode right = call.operand(1);
        if (!isColumn(left, pk, alias)) {
            SqlNode t = left;
            left = right;
            right = t;
        }
        if (!isColumn(left, pk, alias) || !(right instanceof SqlDynamicParam || right instanceof SqlLiteral)) {
            return Optional.empty();
        }
        Object raw = right instanceof SqlDynamicParam p ? ctx.param(p.getIndex())
                : LITERALS.evaluate(right, ctx);
        try {
            return Optional.ofNullable(def.primaryKey().dataType().coerce(raw));
        } catch (KalamException e) {
            return Optional.empty();
        }
    }

    private static boolean isColumn(SqlNode node, String name, String alias) {
        if (!(node instanceof SqlIdentifier id)) {
            return false;
        }
        return id.names.size() == 1 && id.names.get(0).equals(name)
                || alias != null && id.names.size() == 2 && id.names.get(0).equals(alias) && id.names.get(1).equals(name);
    }
}
