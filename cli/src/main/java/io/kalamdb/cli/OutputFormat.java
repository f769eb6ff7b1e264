package io.kalamdb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How a result is printed: {@link #TABLE} (psql-style aligned columns with a {@code (N rows)} footer), {@link #JSON}
 * (one compact JSON document per statement, for {@code jq}) or {@link #CSV} (RFC 4180, header line first).
 */
public enum OutputFormat {
    /** Aligned columns, numbers right-aligned, NULL as empty, a {@code (N rows)} footer; messages as they are. */
    TABLE {
        @Override
        public String format(QueryResult r) {
            return r.hasRows() ? AlignedTable.render(r) : r.message() + "\n";
        }
    },
    /** {@code {"columns":[…],"rows":[{…}],"row_count":N}}, or {@code {"message":…,"row_count":N}}. */
    JSON {
        @Override
        public String format(QueryResult r) {
            ObjectNode out = MAPPER.createObjectNode();
            if (r.hasRows()) {
                ArrayNode columns = out.putArray("columns");
                r.columns().forEach(c -> columns.add(c.name()));
                ArrayNode rows = out.putArray("rows");
                for (List<JsonNode> row : r.rows()) {
                    ObjectNode o = rows.addObject();
                    for (int i = 0; i < r.columns().size(); i++) {
                        o.set(r.columns().get(i).name(), row.get(i));
                    }
                }
            } else {
                out.put("message", r.message());
            }
            out.put("row_count", r.rowCount());
            return out + "\n";
        }
    },
    /** RFC 4180: a header line, then one line per row; fields with a comma, quote or line break are quoted. */
    CSV {
        @Override
        public String format(QueryResult r) {
            if (!r.hasRows()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            line(out, r.columns().stream().map(QueryResult.Column::name).toList());
            for (List<JsonNode> row : r.rows()) {
                line(out, row.stream().map(QueryResult::text).toList());
            }
            return out.toString();
        }

        private static void line(StringBuilder out, List<String> fields) {
            for (int i = 0; i < fields.size(); i++) {
                String f = fields.get(i);
                out.append(i == 0 ? "" : ",");
                if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                    out.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(f);
                }
            }
            out.append("\r\n");
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param result one statement's result
     * @return the text to print, ending with a line break (empty for a CSV of a statement without rows)
     */
    public abstract String format(QueryResult result);
}
