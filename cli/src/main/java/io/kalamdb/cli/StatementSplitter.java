package io.kalamdb.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at the semicolons that end them — not those inside a {@code '…'} string (with
 * {@code ''} for a quote), a {@code "…"} identifier, a {@code -- …} line comment or a {@code /* … *}{@code /} block
 * comment. Used for {@code -f} files (each statement is sent and printed on its own) and to tell when the REPL's
 * input is complete.
 */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /** The statements of a text, and what follows the last semicolon. */
    public record Split(List<String> statements, String rest) {
        /** @return whether the text ends inside or after an unterminated statement (anything but blanks and comments) */
        public boolean incomplete() {
            return !rest.isBlank();
        }

        /** @return every statement to run: the complete ones, then the unfinished rest if there is one */
        public List<String> all() {
            if (!incomplete()) {
                return statements;
            }
            List<String> out = new ArrayList<>(statements);
            out.add(rest);
            return out;
        }
    }

    /**
     * @param text SQL text
     * @return the complete statements (without their semicolons, trimmed, empty ones dropped) and the unfinished
     *         rest (trimmed; blank when the text ends with a statement's semicolon)
     */
    public static Split split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean meaningful = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"') {
                end = closing(text, i, c);
                meaningful = true;
            } else if (c == '-' && text.startsWith("--", i)) {
                int nl = text.indexOf('\n', i);
                end = nl < 0 ? text.length() : nl + 1;
            } else if (c == '/' && text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                end = close < 0 ? text.length() : close + 2;
            } else if (c == ';') {
                if (meaningful) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                meaningful = false;
                i = end;
                continue;
            } else if (!Character.isWhitespace(c)) {
                meaningful = true;
            }
            current.append(text, i, end);
            i = end;
        }
        return new Split(statements, meaningful ? current.toString().strip() : "");
    }

    /** @return the index after the quote closing the one at {@code start}, or the text's end if unclosed */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
