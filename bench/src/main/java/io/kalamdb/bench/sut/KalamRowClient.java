package io.kalamdb.bench.sut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.bench.HttpTransport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RowClient} of KalamDB: {@code POST /v1/api/sql} over one keep-alive connection with the acting user's
 * bearer token; values as {@code $n} parameters. The SQL text is built once per table and row count.
 */
final class KalamRowClient implements RowClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http;
    private final Map<String, String> tokens;
    private final Map<String, String> statements = new HashMap<>();

    KalamRowClient(HttpTransport http, Map<String, String> tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    @Override
    public void insert(String table, String user, List<MessageRow> rows) {
        String sql = statements.computeIfAbsent("insert:" + table + ":" + rows.size(),
                k -> insertSql(table, rows.size()));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode params = body.putArray("params");
        for (MessageRow row : rows) {
            params.add(row.id()).add(row.room()).add(row.body()).add(row.stamp());
        }
        body.put("sql", sql);
        JsonNode result = execute(user, body);
        if (result.path("row_count").asInt(-1) != rows.size()) {
            throw new IllegalStateException("INSERT of " + rows.size() + " rows answered " + result);
        }
    }

    private static String insertSql(String table, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(KalamSystem.NAMESPACE).append('.').append(table)
                .append(" (id, room, body, stamp) VALUES ");
        for (int i = 0; i < rows; i++) {
            int n = i * 4;
            sql.append(i == 0 ? "" : ", ").append("($").append(n + 1).append(", $").append(n + 2).append(", $")
                    .append(n + 3).append(", $").append(n + 4).append(')');
        }
        return sql.toString();
    }

    @Override
    public MessageRow get(String table, String user, long id) {
        ObjectNode body = JSON.createObjectNode().put("sql", statements.computeIfAbsent("get:" + table,
                k -> "SELECT id, room, body, stamp FROM " + KalamSystem.NAMESPACE + "." + table + " WHERE id = $1"));
        body.putArray("params").add(id);
        JsonNode rows = execute(user, body).path("rows");
        if (rows.isEmpty()) {
            return null;
        }
        JsonNode r = rows.get(0);
        return new MessageRow(r.get(0).asLong(), r.get(1).asText(), r.get(2).asText(), r.get(3).asLong());
    }

    private JsonNode execute(String user, ObjectNode body) {
        HttpTransport.Reply reply;
        try {
            reply = http.exchange("/v1/api/sql", JSON.writeValueAsBytes(body), tokens.get(user));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (reply.status() != 200) {
            throw new IllegalStateException(body.path("sql").asText() + " → " + reply.status() + ": " + reply.body());
        }
        try {
            return JSON.readTree(reply.body()).path("results").path(0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + reply.body(), e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
