package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error code of DESIGN.md §5 that a client can cause, with its HTTP status and envelope. */
class SqlErrorsIT {
    private static final KalamClient CLIENT = new KalamClient();
    private static final String NS = "sqlerr" + Long.toString(System.nanoTime(), 36);

    @BeforeAll
    static void schema() {
        assertEquals(200, SqlApiIT.sql("CREATE NAMESPACE " + NS + "; CREATE SHARED TABLE " + NS
                + ".t (id BIGINT PRIMARY KEY, v TEXT NOT NULL)").status());
    }

    private static JsonNode error(KalamClient.Response r, int status, String code) {
        assertEquals(status, r.status(), r::toString);
        JsonNode body = r.json();
        assertEquals("error", body.path("status").asText(), r::toString);
        assertEquals(0, body.path("results").size(), r::toString);
        assertTrue(body.path("took").isNumber(), r::toString);
        assertEquals(code, body.path("error").path("code").asText(), r::toString);
        assertTrue(body.path("error").has("details"), r::toString);
        return body.path("error");
    }

    @Test
    void unknownTableIs404TableNotFound() {
        JsonNode e = error(SqlApiIT.sql("SELECT * FROM app.nope"), 404, "TABLE_NOT_FOUND");
        assertTrue(e.path("message").asText().startsWith("ERROR: relation \"app.nope\" does not exist"), e::toString);
    }

    @Test
    void unknownNamespaceIs404NamespaceNotFound() {
        error(SqlApiIT.sql("DROP NAMESPACE nope_" + NS), 404, "NAMESPACE_NOT_FOUND");
    }

    @Test
    void syntaxErrorIsInvalidSqlWithPosition() {
        JsonNode e = error(SqlApiIT.sql("SELECT FROM WHERE"), 400, "INVALID_SQL");
        assertTrue(e.path("message").asText().contains("line 1, column"), e::toString);
    }

    @Test
    void emptySqlIsEmptySql() {
        error(SqlApiIT.sql("   "), 400, "EMPTY_SQL");
        error(CLIENT.postJson("/v1/api/sql", Map.of("params", List.of())), 400, "EMPTY_SQL");
    }

    @Test
    void parseErrorInABatchIsBatchParseErrorAndNothingRuns() {
        JsonNode e = error(SqlApiIT.sql("INSERT INTO " + NS + ".t VALUES (500, 'x'); SELEC oops"), 400,
                "BATCH_PARSE_ERROR");
        assertTrue(e.path("message").asText().startsWith("Statement 2"), e::toString);
        JsonNode rows = SqlApiIT.ok("SELECT COUNT(*) FROM " + NS + ".t WHERE id = 500").path("results").get(0).path("rows");
        assertEquals("[[\"0\"]]", rows.toString());
    }

    @Test
    void paramsWithABatchAreRefused() {
        error(SqlApiIT.sql("SELECT 1; SELECT 2", 1), 400, "PARAMS_WITH_BATCH");
    }

    @Test
    void missingParameterIsInvalidParameter() {
        error(SqlApiIT.sql("SELECT * FROM " + NS + ".t WHERE id = $2", 1), 400, "INVALID_PARAMETER");
    }

    @Test
    void malformedJsonAndWrongFieldTypesAreInvalidParameter() {
        error(CLIENT.postJson("/v1/api/sql", "{\"sql\": \"SELECT 1\""), 400, "INVALID_PARAMETER");
        error(CLIENT.postJson("/v1/api/sql", "[1,2]"), 400, "INVALID_PARAMETER");
        error(CLIENT.postJson("/v1/api/sql", Map.of("sql", 42)), 400, "INVALID_PARAMETER");
    }

    @Test
    void oversizedBodyIs413MessageTooLarge() {
        String big = "{\"sql\":\"SELECT '" + "x".repeat(11 * 1024 * 1024) + "'\"}";
        JsonNode e = error(CLIENT.postJson("/v1/api/sql", big), 413, "MESSAGE_TOO_LARGE");
        assertTrue(e.path("message").asText().contains("exceeds"), e::toString);
    }

    @Test
    void existingObjectIsAlreadyExists() {
        error(SqlApiIT.sql("CREATE NAMESPACE " + NS), 400, "ALREADY_EXISTS");
    }

    @Test
    void notNullAndDuplicateKeyAreConstraintViolationsThatWriteNothing() {
        error(SqlApiIT.sql("INSERT INTO " + NS + ".t VALUES (600, 'a'), (601, NULL)"), 400, "CONSTRAINT_VIOLATION");
        SqlApiIT.ok("INSERT INTO " + NS + ".t VALUES (602, 'a')");
        error(SqlApiIT.sql("INSERT INTO " + NS + ".t VALUES (603, 'b'), (602, 'c')"), 400, "CONSTRAINT_VIOLATION");
        JsonNode rows = SqlApiIT.ok("SELECT id FROM " + NS + ".t WHERE id >= 600 AND id < 700 ORDER BY id")
                .path("results").get(0).path("rows");
        assertEquals("[[\"602\"]]", rows.toString());
    }

    @Test
    void failingStatementInABatchNamesItsNumberAndEarlierOnesStayCommitted() {
        JsonNode e = error(SqlApiIT.sql("INSERT INTO " + NS + ".t VALUES (700, 'a'); INSERT INTO " + NS
                + ".t VALUES (700, 'dup'); INSERT INTO " + NS + ".t VALUES (701, 'never')"), 400, "CONSTRAINT_VIOLATION");
        assertTrue(e.path("message").asText().startsWith("Statement 2 failed: "), e::toString);
        JsonNode rows = SqlApiIT.ok("SELECT id, v FROM " + NS + ".t WHERE id >= 700 AND id < 800")
                .path("results").get(0).path("rows");
        assertEquals("[[\"700\",\"a\"]]", rows.toString());
    }

    @Test
    void dropNamespaceWithTablesIsSqlExecutionErrorNamingThem() {
        JsonNode e = error(SqlApiIT.sql("DROP NAMESPACE " + NS), 400, "SQL_EXECUTION_ERROR");
        assertTrue(e.path("message").asText().contains("(t)"), e::toString);
    }

    @Test
    void missingOrBadCredentialsAre401AuthRequired() {
        error(CLIENT.postJson("/v1/api/sql", Map.of("sql", "SELECT 1"), "X-Forwarded-For", "203.0.113.9"), 401,
                "AUTH_REQUIRED");
        error(CLIENT.postJson("/v1/api/sql", Map.of("sql", "SELECT 1"), "Authorization", "Bearer not.a.jwt"), 401,
                "AUTH_REQUIRED");
        error(CLIENT.postJson("/v1/api/sql", Map.of("sql", "SELECT 1"), "Authorization", "Basic cm9vdDo="), 401,
                "AUTH_REQUIRED");
    }
}
