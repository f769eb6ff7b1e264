package io.kalamdb.core.sql.parser;

import io.kalamdb.core.sql.parser.ast.SqlKalamColumn;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Helpers called from the actions of the generated parser ({@code parserImpls.ftl}); not for other callers.
 * Errors are returned as {@link CalciteContextException}s carrying the position, which the generated parser
 * turns into a positioned {@link org.apache.calcite.sql.parser.SqlParseException}.
 */
public final class GrammarSupport {
    private GrammarSupport() {
    }

    /**
     * @param pos     where the error is
     * @param message what is wrong
     * @return the exception for the action to throw
     */
    public static CalciteContextException error(SqlParserPos pos, String message) {
        return new CalciteContextException(message, new CalciteException(message, null),
            pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }

    /**
     * Records a clause that may appear at most once.
     *
     * @param current the value recorded so far, null if none
     * @param value   the value of this occurrence
     * @param clause  the clause name, for the message
     * @param pos     position of this occurrence
     * @return {@code value}
     * @throws CalciteContextException if the clause was given before
     */
    public static <T> T once(T current, T value, String clause, SqlParserPos pos) {
        if (current != null) {
            throw error(pos, "Duplicate " + clause + " clause");
        }
        return value;
    }

    /**
     * Adds an option under its upper-case key.
     *
     * @throws CalciteContextException if the key is present already
     */
    public static <V> void putOption(Map<String, V> options, String key, V value, SqlParserPos pos) {
        final String upper = key.toUpperCase(Locale.ROOT);
        if (options.putIfAbsent(upper, value) != null) {
            throw error(pos, "Duplicate option " + upper);
        }
    }

    /**
     * @param literal a (possibly negated) numeric literal
     * @return a {@link Long} for an integer that fits, otherwise a {@link BigDecimal}
     */
    public static Object numberValue(SqlLiteral literal) {
        final BigDecimal value = literal.getValueAs(BigDecimal.class);
        final boolean integer = literal instanceof SqlNumericLiteral && ((SqlNumericLiteral) literal).isInteger();
        if (integer && value.toBigIntegerExact().bitLength() < 64) {
            return value.longValueExact();
        }
        return value;
    }

    /**
     * Applies a table-level {@code PRIMARY KEY (col, ...)} clause to the column list.
     *
     * @param columns     the columns as defined
     * @param primaryKeys the table-level clauses found (zero or one is valid)
     * @return the columns, with the named ones marked as primary key
     * @throws CalciteContextException for a second clause, a clause next to a column-level PRIMARY KEY,
     *                                 or an unknown or repeated column
     */
    public static List<SqlKalamColumn> withTablePrimaryKey(List<SqlKalamColumn> columns,
                                                           List<SqlNodeList> primaryKeys) {
        if (primaryKeys.isEmpty()) {
            return columns;
        }
        if (primaryKeys.size() > 1) {
            throw error(primaryKeys.get(1).getParserPosition(), "Duplicate PRIMARY KEY clause");
        }
        final SqlNodeList key = primaryKeys.get(0);
        for (SqlKalamColumn column : columns) {
            if (column.isPrimaryKey()) {
                throw error(key.getParserPosition(),
                    "PRIMARY KEY is given both on column " + column.getName() + " and as a table clause");
            }
        }
        final List<SqlKalamColumn> result = new ArrayList<>(columns);
        final Set<String> seen = new HashSet<>();
        for (SqlNode node : key) {
            final SqlIdentifier id = (SqlIdentifier) node;
            final String name = id.getSimple();
            final int index = indexOf(result, name);
            if (index < 0) {
                throw error(id.getParserPosition(), "PRIMARY KEY column " + name + " is not defined");
            }
            if (!seen.add(name)) {
                throw error(id.getParserPosition(), "PRIMARY KEY names column " + name + " twice");
            }
            result.set(index, result.get(index).withPrimaryKey());
        }
        return result;
    }

    private static int indexOf(List<SqlKalamColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
