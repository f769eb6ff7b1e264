package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.sql.function.IdFunctions;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The KalamDB id functions for Calcite: {@code SNOWFLAKE_ID()} (BIGINT), {@code UUID_V7()} and
 * {@code ULID()} (VARCHAR). They are declared non-deterministic and dynamic, so the planner neither folds
 * them into constants nor bakes a value into a cached plan: every row gets a fresh id. Names match in any
 * case.
 */
final class KalamFunctions implements SqlOperatorTable {
    private final List<SqlOperator> operators = List.of(
            function("SNOWFLAKE_ID", "snowflakeId", ReturnTypes.BIGINT),
            function("UUID_V7", "uuidV7", ReturnTypes.VARCHAR),
            function("ULID", "ulid", ReturnTypes.VARCHAR));

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        if (!opName.isSimple()) {
            return;
        }
        String name = opName.getSimple().toUpperCase(Locale.ROOT);
        for (SqlOperator op : operators) {
            if (op.getName().equals(name)) {
                operatorList.add(op);
            }
        }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return operators;
    }

    private static SqlOperator function(String name, String method, SqlReturnTypeInference returnType) {
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                returnType, null,
                OperandTypes.operandMetadata(List.of(), typeFactory -> List.of(), i -> "arg" + i, i -> false),
                ScalarFunctionImpl.create(IdFunctions.class, method),
                SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION) {
            @Override
            public boolean isDeterministic() {
                return false;
            }

            @Override
            public boolean isDynamicFunction() {
                return true;
            }
        };
    }
}
