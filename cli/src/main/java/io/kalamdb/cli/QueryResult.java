package io.kalamdb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement's result as the server sent it ({@code results[i]} of DESIGN.md §5).
 *
 * @param columns  the schema, in order; empty for statements that return no rows
 * @param rows     the rows, each a list of JSON values in column order (BIGINT as strings, per the contract)
 * @param rowCount rows returned or affected
 * @param message  the server's message for statements without rows (e.g. {@code Namespace 'app' created}), or null
 */
public record QueryResult(List<Column> columns, List<List<JsonNode>> rows, long rowCount, String message) {
    /**
     * A result column.
     *
     * @param name     the column's name
     * @param dataType the contract's {@code data_type} as JSON text, e.g. {@code "BigInt"} or
     *                 {@code {"Decimal":{"precision":10,"scale":2}}}
     */
    public record Column(String name, String dataType) {
        /** @return whether values of this type are numbers (shown right-aligned) */
        public boolean numeric() {
            return switch (dataType) {
                case "SmallInt", "Int", "BigInt", "Float", "Double" -> true;
                default -> dataType.startsWith("{\"Decimal\"");
            };
        }
    }

    /**
     * @param result one element of the response's {@code results}
     * @return it as a record
     */
    public static QueryResult of(JsonNode result) {
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : result.path("schema")) {
            JsonNode type = c.path("data_type");
            columns.add(new Column(c.path("name").asText(), type.isTextual() ? type.asText() : type.toString()));
        }
        List<List<JsonNode>> rows = new ArrayList<>();
        for (JsonNode r : result.path("rows")) {
            List<JsonNode> values = new ArrayList<>();
            r.forEach(values::add);
            rows.add(values);
        }
        return new QueryResult(columns, rows, result.path("row_count").asLong(rows.size()),
                result.path("message").asText(null));
    }

    /** @return whether the statement returns rows (a query) rather than only a message */
    public boolean hasRows() {
        return !columns.isEmpty();
    }

    /**
     * @param value a JSON value of a row
     * @return the text a person reads: strings as they are, NULL as the empty string, JSON as compact JSON
     */
    public static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /**
     * @param value a JSON value of a row
     * @return {@link #text} on one line: carriage returns and line breaks shown as {@code \r} and {@code \n}
     */
    public static String oneLine(JsonNode value) {
        return text(value).replace("\r", "\\r").replace("\n", "\\n");
    }
}
