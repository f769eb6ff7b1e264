package io.kalamdb.core.sql.calcite;

import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites PostgreSQL spellings Calcite lacks into Calcite's own before validation:
 * {@code NOW()} → {@code CURRENT_TIMESTAMP} (fixed per statement, read from the execution context, so a
 * cached plan never freezes the time).
 */
final class FunctionAliases extends SqlShuttle {

    @Override
    public SqlNode visit(SqlCall call) {
        if (call.operandCount() == 0 && call.getOperator().getName().toUpperCase(Locale.ROOT).equals("NOW")) {
            return SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(call.getParserPosition());
        }
        return super.visit(call);
    }
}
