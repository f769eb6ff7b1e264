package io.kalamdb.core.sql.parser;

import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL-style parameters: rewrites each {@code $n} outside strings, quoted identifiers and comments to
 * Calcite's {@code ?}, padded with spaces so every later position stays the same, and records which caller
 * parameter each {@code ?} stands for.
 */
final class PositionalParameters {
    /**
     * @param sql        the text with {@code $n} replaced by {@code ?}
     * @param paramOrder for the i-th {@code ?} (Calcite's dynamic parameter i), the 0-based index into the
     *                   caller's parameter list
     * @param paramCount how many parameters the caller must supply: the highest n, or the number of {@code ?}
     */
    record Rewrite(String sql, int[] paramOrder, int paramCount) {
    }

    private static final int MAX_DIGITS = 5;

    private PositionalParameters() {
    }

    /**
     * @param sql one statement
     * @return the rewritten statement and its parameter mapping
     * @throws SqlParseException for {@code $0}, a number of more than five digits, or {@code ?} mixed with
     *                           {@code $n}; the position is relative to {@code sql}
     */
    static Rewrite rewrite(String sql) throws SqlParseException {
        final StringBuilder out = new StringBuilder(sql);
        final List<Integer> numbered = new ArrayList<>();
        int questionMarks = 0;
        int firstQuestionMark = -1;
        int firstNumbered = -1;
        int i = 0;
        while (i < sql.length()) {
            final int afterComment = SqlTextScanner.skipComment(sql, i);
            final int afterQuoted = afterComment != i ? afterComment : SqlTextScanner.skipQuoted(sql, i);
            if (afterQuoted != i) {
                i = afterQuoted;
                continue;
            }
            final char c = sql.charAt(i);
            if (c == '?') {
                questionMarks++;
                firstQuestionMark = firstQuestionMark < 0 ? i : firstQuestionMark;
                i++;
            } else if (c == '$' && (i == 0 || !SqlTextScanner.isIdentifierPart(sql.charAt(i - 1)))) {
                final int end = endOfDigits(sql, i + 1);
                if (end == i + 1 || (end < sql.length() && SqlTextScanner.isIdentifierPart(sql.charAt(end)))) {
                    i = end;
                    continue;
                }
                numbered.add(number(sql, i, end));
                firstNumbered = firstNumbered < 0 ? i : firstNumbered;
                out.setCharAt(i, '?');
                for (int k = i + 1; k < end; k++) {
                    out.setCharAt(k, ' ');
                }
                i = end;
            } else {
                i++;
            }
        }
        if (questionMarks > 0 && !numbered.isEmpty()) {
            throw error(sql, Math.max(firstQuestionMark, firstNumbered),
                "Cannot mix ? and $n parameters in one statement");
        }
        if (!numbered.isEmpty()) {
            final int[] order = numbered.stream().mapToInt(n -> n - 1).toArray();
            final int count = numbered.stream().mapToInt(Integer::intValue).max().orElseThrow();
            return new Rewrite(out.toString(), order, count);
        }
        final int[] order = new int[questionMarks];
        for (int k = 0; k < questionMarks; k++) {
            order[k] = k;
        }
        return new Rewrite(sql, order, questionMarks);
    }

    private static int endOfDigits(String sql, int from) {
        int j = from;
        while (j < sql.length() && sql.charAt(j) >= '0' && sql.charAt(j) <= '9') {
            j++;
        }
        return j;
    }

    private static int number(String sql, int dollar, int end) throws SqlParseException {
        final String digits = sql.substring(dollar + 1, end);
        if (digits.length() > MAX_DIGITS) {
            throw error(sql, dollar, "Parameter $" + digits + " is out of range");
        }
        final int n = Integer.parseInt(digits);
        if (n == 0) {
            throw error(sql, dollar, "Parameter numbers start at $1, not $" + digits);
        }
        return n;
    }

    private static SqlParseException error(String sql, int offset, String message) {
        final SqlParserPos pos = SqlTextScanner.position(sql, offset);
        return new SqlParseException(message, pos, null, null, null);
    }
}
