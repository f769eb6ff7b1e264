package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.sql.function.IdFunctions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Evaluates row-independent expressions — literals, parameters, unary signs, CAST, and the functions
 * {@code NOW()}, {@code CURRENT_TIMESTAMP}, {@code SNOWFLAKE_ID()}, {@code UUID_V7()}, {@code ULID()},
 * {@code CURRENT_USER()} — without Calcite planning: the direct path of {@code INSERT … VALUES} and of
 * column DEFAULTs. Anything else goes to a fallback (which plans {@code SELECT expr} through Calcite).
 * Values come back as Long, BigDecimal, Double, String, Boolean or null; the target column's type then
 * coerces them.
 */
public final class ExpressionEvaluator {
    /** Marks the {@code DEFAULT} keyword in a VALUES row. */
    public static final Object DEFAULT = new Object();

    private final BiFunction<SqlNode, StatementContext, Object> fallback;

    /** @param fallback evaluates what this class does not know, e.g. via {@code SELECT expr} */
    public ExpressionEvaluator(BiFunction<SqlNode, StatementContext, Object> fallback) {
        this.fallback = fallback;
    }

    /**
     * @param node the expression
     * @param ctx  session (for CURRENT_USER) and parameters
     * @return its value, or {@link #DEFAULT} for the DEFAULT keyword
     * @throws io.kalamdb.core.model.KalamException INVALID_PARAMETER for a missing parameter, or whatever
     *         the fallback throws
     */
    public Object evaluate(SqlNode node, StatementContext ctx) {
        if (node instanceof SqlNumericLiteral n) {
            BigDecimal d = n.getValueAs(BigDecimal.class);
            if (n.isExact() && d.scale() <= 0) {
                try {
                    return d.longValueExact();
                } catch (ArithmeticException e) {
                    return d;
                }
            }
            return n.isExact() ? d : (Object) d.doubleValue();
        }
        if (node instanceof SqlCharStringLiteral s) {
            return s.getValueAs(String.class);
        }
        if (node instanceof SqlLiteral lit) {
            if (lit.getTypeName() == SqlTypeName.NULL) {
                return null;
            }
            if (lit.getTypeName() == SqlTypeName.BOOLEAN) {
                return lit.booleanValue();
            }
            return fallback.apply(node, ctx);
        }
        if (node instanceof SqlDynamicParam p) {
            return ctx.param(p.getIndex());
        }
        if (node.getKind() == SqlKind.DEFAULT) {
            return DEFAULT;
        }
        if (node instanceof SqlIdentifier id && id.isSimple()) {
            Object v = niladic(id.getSimple(), ctx);
            return v == NOT_HANDLED ? fallback.apply(node, ctx) : v;
        }
        if (node instanceof SqlCall call) {
            Object v = evaluateCall(call, ctx);
            return v == NOT_HANDLED ? fallback.apply(node, ctx) : v;
        }
        return fallback.apply(node, ctx);
    }

    private static final Object NOT_HANDLED = new Object();

    private Object evaluateCall(SqlCall call, StatementContext ctx) {
        List<SqlNode> ops = call.getOperandList();
        switch (call.getKind()) {
            case MINUS_PREFIX: {
                Object v = evaluate(ops.get(0), ctx);
                if (v instanceof Long l) {
                    return -l;
                }
                if (v instanceof BigDecimal d) {
                    return d.negate();
                }
                return v instanceof Double d ? -d : NOT_HANDLED;
            }
            case PLUS_PREFIX:
                return evaluate(ops.get(0), ctx);
            case CAST: {
                Object v = evaluate(ops.get(0), ctx);
                SqlDataTypeSpec spec = (SqlDataTypeSpec) ops.get(1);
                String typeName = spec.getTypeName().getSimple();
                try {
                    return KalamDataType.fromSql(typeName, List.of()).coerce(v);
                } catch (RuntimeException e) {
                    return NOT_HANDLED;
                }
            }
            default:
                break;
        }
        if (!(call instanceof SqlBasicCall) || !ops.isEmpty()) {
            return NOT_HANDLED;
        }
        return niladic(call.getOperator().getName(), ctx);
    }

    /** Functions without arguments, called with or without parentheses. */
    private static Object niladic(String functionName, StatementContext ctx) {
        return switch (functionName.toUpperCase(Locale.ROOT)) {
            case "NOW", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP" -> ctx.startedAtMillis() * 1000L;
            case "SNOWFLAKE_ID" -> IdFunctions.snowflakeId();
            case "UUID_V7" -> IdFunctions.uuidV7();
            case "ULID" -> IdFunctions.ulid();
            case "CURRENT_USER", "USER", "SESSION_USER" -> ctx.session().user().value();
            default -> NOT_HANDLED;
        };
    }
}
