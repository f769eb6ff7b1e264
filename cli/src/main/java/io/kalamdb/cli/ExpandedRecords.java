package io.kalamdb.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
        int valueWidth = 0;
        for (List<JsonNode> row : r.rows()) {
            for (JsonNode v : row) {
                valueWidth = Math.max(valueWidth, QueryResult.oneLine(v).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < r.rows().size(); n++) {
            String head = "-[ RECORD " + (n + 1) + " ]";
            out.append(head).append("-".repeat(Math.max(0, nameWidth + 1 - head.length()))).append('+')
                    .append("-".repeat(valueWidth + 1)).append('\n');
            List<JsonNode> row = r.rows().get(n);
            for (int i = 0; i < r.columns().size(); i++) {
                String name = r.columns().get(i).name();
                String line = name + " ".repeat(nameWidth - name.length()) + " | "
                        + QueryResult.oneLine(row.get(i));
                out.append(line.stripTrailing()).append('\n');
            }
        }
        return out.append('\n').toString();
    }
}
