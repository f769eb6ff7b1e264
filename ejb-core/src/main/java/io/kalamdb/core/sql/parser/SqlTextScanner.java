package io.kalamdb.core.sql.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Lexical facts about raw SQL text, shared by the script splitter and the parameter rewriter: where quoted
 * strings, quoted identifiers and comments end (the places where {@code ;} and {@code $n} are not code), and
 * line/column positions counted the way the generated parser counts them.
 */
final class SqlTextScanner {
    private SqlTextScanner() {
    }

    /**
     * @return the index after the string literal ({@code '...'} with {@code ''} escapes, {@code E'...'} with
     *     backslash escapes) or quoted identifier ({@code "..."}) starting at {@code i}; {@code i} if none starts
     *     there; the text length if it is not terminated
     */
    static int skipQuoted(String sql, int i) {
        final char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            return endOfQuoted(sql, i + 1, c, false);
        }
        final boolean escapedString = (c == 'E' || c == 'e') && i + 1 < sql.length() && sql.charAt(i + 1) == '\''
            && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)));
        return escapedString ? endOfQuoted(sql, i + 2, '\'', true) : i;
    }

    private static int endOfQuoted(String sql, int from, char quote, boolean backslashEscapes) {
        int j = from;
        while (j < sql.length()) {
            final char c = sql.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return sql.length();
    }

    /**
     * @return the index after the comment ({@code -- …} or {@code // …} to the end of the line, {@code /* … *&#47;})
     *     starting at {@code i}; {@code i} if none starts there; the text length if it is not terminated
     */
    static int skipComment(String sql, int i) {
        if (i + 1 >= sql.length()) {
            return i;
        }
        final char c = sql.charAt(i);
        final char next = sql.charAt(i + 1);
        if ((c == '-' && next == '-') || (c == '/' && next == '/')) {
            int j = i + 2;
            while (j < sql.length() && sql.charAt(j) != '\n' && sql.charAt(j) != '\r') {
                j++;
            }
            return j;
        }
        if (c == '/' && next == '*') {
            final int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }

    /** @return whether {@code c} may continue an unquoted identifier (letters, digits, {@code _}, {@code $}) */
    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /**
     * @return the 1-based line and column of {@code offset}; a line ends at {@code \n}, {@code \r} or
     *     {@code \r\n}, and a tab counts as one column
     */
    static SqlParserPos position(String sql, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            final char c = sql.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new SqlParserPos(line, column);
    }
}
