package io.kalamdb.core.sql.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements on the semicolons that are code, not part of a string, a quoted identifier or
 * a comment. Pieces holding only whitespace and comments are dropped.
 */
final class ScriptSplitter {
    /**
     * One statement's text, trimmed of surrounding whitespace.
     *
     * @param text  the statement text
     * @param start line and column in the script where {@code text} starts
     */
    record Piece(String text, SqlParserPos start) {
    }

    private ScriptSplitter() {
    }

    /** @return the statements in order; empty if the script holds no code */
    static List<Piece> split(String script) {
        final List<Piece> pieces = new ArrayList<>();
        int start = 0;
        boolean hasCode = false;
        int i = 0;
        while (i < script.length()) {
            final int afterComment = SqlTextScanner.skipComment(script, i);
            if (afterComment != i) {
                i = afterComment;
                continue;
            }
            final int afterQuoted = SqlTextScanner.skipQuoted(script, i);
            if (afterQuoted != i) {
                hasCode = true;
                i = afterQuoted;
                continue;
            }
            final char c = script.charAt(i);
            if (c == ';') {
                if (hasCode) {
                    pieces.add(piece(script, start, i));
                }
                start = i + 1;
                hasCode = false;
            } else if (!Character.isWhitespace(c)) {
                hasCode = true;
            }
            i++;
        }
        if (hasCode) {
            pieces.add(piece(script, start, script.length()));
        }
        return pieces;
    }

    private static Piece piece(String script, int from, int to) {
        int begin = from;
        int end = to;
        while (Character.isWhitespace(script.charAt(begin))) {
            begin++;
        }
        while (Character.isWhitespace(script.charAt(end - 1))) {
            end--;
        }
        return new Piece(script.substring(begin, end), SqlTextScanner.position(script, begin));
    }
}
