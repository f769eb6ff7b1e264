package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/api/sql} against the real server: the success envelope and value encoding of DESIGN.md §5. */
class SqlApiIT {
    private static final KalamClient CLIENT = new KalamClient();
    private static final String NS = "sqlapi" + Long.toString(System.nanoTime(), 36);

    static KalamClient.Response sql(String sql, Object... params) {
        Map<String, Object> body = params.length == 0 ? Map.of("sql", sql) : Map.of("sql", sql, "params", List.of(params));
        return CLIENT.postJson("/v1/api/sql", body);
    }

    static JsonNode ok(String sql, Object... params) {
        KalamClient.Response r = sql(sql, params);
        assertEquals(200, r.status(), r::toString);
        assertEquals("success", r.json().path("status").asText(), r::toString);
        return r.json();
    }

    @BeforeAll
    static void schema() {
        ok("CREATE NAMESPACE " + NS);
        ok("CREATE USER TABLE " + NS + ".items (id BIGINT PRIMARY KEY, name TEXT NOT NULL, qty INT, small SMALLINT,"
                + " ratio DOUBLE, f FLOAT, price DECIMAL(10,2), done BOOLEAN, born DATE, happened TIMESTAMP, meta JSON,"
                + " ref_id UUID, emb EMBEDDING(3), raw_bytes BYTES)");
    }

    @Test
    void selectReturnsSchemaWithWireTypeNamesFlagsAndEncodedValues() {
        ok("INSERT INTO " + NS + ".items VALUES (9007199254740993, 'apple', 3, -2, 0.5, 1.5, 12.30, TRUE,"
                + " '2024-02-29', '2024-01-02T03:04:05.678Z', '{\"k\":[1,2]}', 'F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6',"
                + " '[0.5, 1, -2]', 'hi')");

        JsonNode body = ok("SELECT * FROM " + NS + ".items WHERE id = 9007199254740993");

        JsonNode result = body.path("results").get(0);
        assertEquals(1, body.path("results").size());
        assertTrue(body.path("took").isNumber(), body::toString);
        JsonNode schema = result.path("schema");
        assertEquals("{\"name\":\"id\",\"data_type\":\"BigInt\",\"index\":0,\"flags\":[\"pk\",\"nn\"]}",
                schema.get(0).toString());
        assertEquals("{\"name\":\"name\",\"data_type\":\"Text\",\"index\":1,\"flags\":[\"nn\"]}",
                schema.get(1).toString());
        assertEquals(List.of("BigInt", "Text", "Int", "SmallInt", "Double", "Float",
                        "{\"Decimal\":{\"precision\":10,\"scale\":2}}", "Boolean", "Date", "Timestamp", "Json", "Uuid",
                        "{\"Embedding\":3}", "Bytes"),
                schema.findValues("data_type").stream().map(n -> n.isTextual() ? n.asText() : n.toString()).toList());
        ArrayNode row = (ArrayNode) result.path("rows").get(0);
        List<Double> embedding = new ArrayList<>();
        row.get(12).forEach(n -> embedding.add(n.asDouble()));
        assertEquals(List.of(0.5, 1.0, -2.0), embedding);
        row.remove(12);
        assertEquals("[\"9007199254740993\",\"apple\",3,-2,0.5,1.5,\"12.30\",true,19782,1704164645678000,"
                + "{\"k\":[1,2]},\"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\",\"aGk=\"]", row.toString());
        assertEquals(1, result.path("row_count").asInt());
        assertTrue(result.path("message").isNull());
        assertEquals("root", result.path("as_user").asText());
    }

    @Test
    void everyStatementOfABatchGetsItsOwnResult() {
        JsonNode body = ok("INSERT INTO " + NS + ".items (id, name) VALUES (1, 'a'), (2, 'b'); "
                + "UPDATE " + NS + ".items SET qty = 7 WHERE id = 2; SELECT id, qty FROM " + NS + ".items WHERE id <= 2 ORDER BY id");

        JsonNode results = body.path("results");
        assertEquals(3, results.size());
        assertEquals("Inserted 2 row(s)", results.get(0).path("message").asText());
        assertEquals(2, results.get(0).path("row_count").asInt());
        assertEquals("Updated 1 row(s)", results.get(1).path("message").asText());
        assertEquals("[[\"1\",null],[\"2\",7]]", results.get(2).path("rows").toString());
    }

    @Test
    void positionalParametersBindInOrderOfNumber() {
        ok("INSERT INTO " + NS + ".items (id, name, qty) VALUES ($2, $1, $3)", "pear", 42, 5);

        JsonNode body = ok("SELECT name, qty FROM " + NS + ".items WHERE id = $1", "42");

        assertEquals("[[\"pear\",5]]", body.path("results").get(0).path("rows").toString());
    }

    @Test
    void namespaceIdInTheBodyResolvesUnqualifiedNames() {
        KalamClient.Response r = CLIENT.postJson("/v1/api/sql",
                Map.of("sql", "SELECT COUNT(*) AS n FROM items WHERE id = 424242", "namespace_id", NS));

        assertEquals(200, r.status(), r::toString);
        assertEquals("[[\"0\"]]", r.json().path("results").get(0).path("rows").toString());
    }
}
