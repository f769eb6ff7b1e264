package io.kalamdb.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a documented command line into words the way a POSIX shell would: single quotes, double quotes (with
 * {@code \"}, {@code \\} and {@code \$} escapes, and {@code $TOKEN} expanded) and backslash escapes.
 */
final class ShellWords {
    private ShellWords() {
    }

    /**
     * @param s     a command line
     * @param token what {@code $TOKEN} inside double quotes stands for
     * @return its words after quote removal
     */
    static List<String> split(String s, String token) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                word.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && "\"\\$".indexOf(s.charAt(i + 1)) >= 0) {
                        word.append(s.charAt(i + 1));
                        i += 2;
                    } else if (s.startsWith("$TOKEN", i)) {
                        word.append(token);
                        i += "$TOKEN".length();
                    } else {
                        word.append(s.charAt(i++));
                    }
                }
                i++;
            } else if (c == '\\') {
                word.append(s.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
