package io.kalamdb.core.sql.parser;

import java.util.Locale;
import java.util.Set;

/**
 * Accepts the PostgreSQL/upstream spelling {@code CURRENT_USER()} (and {@code CURRENT_TIMESTAMP()},
 * {@code SESSION_USER()}) for SQL's niladic functions, which Calcite's grammar only knows without
 * parentheses: outside strings, quoted identifiers and comments, an empty {@code ()} right after one of
 * these names is blanked out with spaces, so every later position stays the same.
 */
final class NiladicCalls {
    private static final Set<String> NAMES = Set.of("CURRENT_USER", "CURRENT_TIMESTAMP", "SESSION_USER");

    private NiladicCalls() {
    }

    /** @return {@code sql} with the empty parentheses of niladic calls blanked */
    static String rewrite(String sql) {
        StringBuilder out = null;
        int i = 0;
        while (i < sql.length()) {
            int skipped = SqlTextScanner.skipComment(sql, i);
            skipped = skipped != i ? skipped : SqlTextScanner.skipQuoted(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            if (!SqlTextScanner.isIdentifierPart(sql.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < sql.length() && SqlTextScanner.isIdentifierPart(sql.charAt(end))) {
                end++;
            }
            if (NAMES.contains(sql.substring(i, end).toUpperCase(Locale.ROOT))) {
                int open = skipSpaces(sql, end);
                if (open < sql.length() && sql.charAt(open) == '(') {
                    int close = skipSpaces(sql, open + 1);
                    if (close < sql.length() && sql.charAt(close) == ')') {
                        out = out == null ? new StringBuilder(sql) : out;
                        out.setCharAt(open, ' ');
                        out.setCharAt(close, ' ');
                        end = close + 1;
                    }
                }
            }
            i = end;
        }
        return out == null ? sql : out.toString();
    }

    private static int skipSpaces(String sql, int from) {
        int j = from;
        while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
            j++;
        }
        return j;
    }
}
