package io.kalamdb.cli;

import java.util.List;

/**
 * Renders a query result as {@code psql}'s expanded display does ({@code \x}): each row as a {@code -[ RECORD n ]}
 * header and one {@code column | value} line per column, names padded to the longest.
 */
final class ExpandedRecords {
    private ExpandedRecords() {
    }

    static String render(QueryResult r) {
        if (r.rows().isEmpty()) {
            return "(0 rows)\n\n";
        }
        int nameWidth = r.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        List<List<String>> texts = r.rows().stream().map(row -> row.stream().map(QueryResult::oneLine).toList())
                .toList();
        int valueWidth = texts.stream().flatMap(List::stream).mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < r.rows().size(); n++) {
            String head = "-[ RECORD " + (n + 1) + " ]";
            out.append(head).append("-".repeat(Math.max(0, nameWidth + 1 - head.length()))).append('+')
                    .append("-".repeat(valueWidth + 1)).append('\n');
            List<String> row = texts.get(n);
            for (int i = 0; i < r.columns().size(); i++) {
                String name = r.columns().get(i).name();
                String line = name + " ".repeat(nameWidth - name.length()) + " | " + row.get(i);
                out.append(line.stripTrailing()).append('\n');
            }
        }
        return out.append('\n').toString();
    }
}
