package io.kalamdb.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a query result the way {@code psql} does: column names centred over {@code -+-} separated columns, text
 * left-aligned, numbers right-aligned, NULL as nothing, and a {@code (N rows)} footer. Line breaks inside a value are
 * shown as {@code \n} so that each row stays on one line; trailing blanks are trimmed.
 */
final class AlignedTable {
    private AlignedTable() {
    }

    static String render(QueryResult r) {
        int n = r.columns().size();
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = r.columns().get(i).name().length();
        }
        for (var row : r.rows()) {
            String[] texts = new String[n];
            for (int i = 0; i < n; i++) {
                texts[i] = QueryResult.oneLine(row.get(i));
                widths[i] = Math.max(widths[i], texts[i].length());
            }
            cells.add(texts);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String name = r.columns().get(i).name();
            int left = (widths[i] - name.length()) / 2;
            line.append(i == 0 ? " " : " | ").append(" ".repeat(left)).append(name)
                    .append(" ".repeat(widths[i] - name.length() - left));
        }
        out.append(line.toString().stripTrailing()).append('\n');
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : "+").append("-".repeat(widths[i] + 2));
        }
        out.append('\n');
        for (String[] texts : cells) {
            line.setLength(0);
            for (int i = 0; i < n; i++) {
                String pad = " ".repeat(widths[i] - texts[i].length());
                line.append(i == 0 ? " " : " | ");
                line.append(r.columns().get(i).numeric() ? pad + texts[i] : texts[i] + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        long count = r.rows().size();
        return out.append('(').append(count).append(count == 1 ? " row)" : " rows)").append("\n\n").toString();
    }
}
