package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.root;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a request's SQL text is split, parameterised and run (DESIGN.md §5). */
class BatchSemanticsTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void table() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, name TEXT, n INT)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Object> ids() {
        return db.column(root(), "SELECT id FROM app.t ORDER BY id");
    }

    @Test
    void statementsRunInOrderWithOneResultEach() {
        List<StatementResult> results = db.runAll(root(), """
                INSERT INTO app.t VALUES (1, 'a', 1);
                UPDATE app.t SET n = n + 10 WHERE id = 1;
                SELECT n FROM app.t WHERE id = 1;
                DELETE FROM app.t WHERE id = 1;
                SELECT COUNT(*) FROM app.t
                """);
        assertEquals(5, results.size());
        assertEquals("Inserted 1 row(s)", results.get(0).message());
        assertEquals("Updated 1 row(s)", results.get(1).message());
        assertEquals(11, results.get(2).rows().get(0)[0]);
        assertEquals("Deleted 1 row(s)", results.get(3).message());
        assertEquals(0L, results.get(4).rows().get(0)[0]);
    }

    @Test
    void emptyStatementsAndSemicolonsInStringsAndCommentsDoNotSplit() {
        List<StatementResult> results = db.runAll(root(),
                ";; INSERT INTO app.t VALUES (1, 'a;b', 1); -- c;d\n;SELECT name FROM app.t /* ; */;");
        assertEquals(2, results.size());
        assertEquals("a;b", results.get(1).rows().get(0)[0]);
    }

    @Test
    void failureNamesTheStatementAndKeepsEarlierOnesCommitted() {
        KalamException e = db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), """
                INSERT INTO app.t VALUES (1, 'a', 1);
                INSERT INTO app.t VALUES (2, 'b', 2);
                INSERT INTO app.t VALUES (1, 'dup', 3);
                INSERT INTO app.t VALUES (4, 'd', 4)
                """);
        assertTrue(e.getMessage().startsWith("Statement 3 failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("primary key 1 already exists"), e.getMessage());
        assertEquals(List.of(1L, 2L), ids());
    }

    @Test
    void executionErrorKeepsItsOwnCodeInABatch() {
        KalamException e = db.fails(ErrorCode.TABLE_NOT_FOUND, root(),
                "INSERT INTO app.t VALUES (1, 'a', 1); SELECT * FROM app.nope");
        assertTrue(e.getMessage().startsWith("Statement 2 failed: ERROR: relation \"app.nope\" does not exist"),
                e.getMessage());
        assertEquals(List.of(1L), ids());
    }

    @Test
    void aParseErrorAnywhereRunsNothing() {
        KalamException e = db.fails(ErrorCode.BATCH_PARSE_ERROR, root(),
                "INSERT INTO app.t VALUES (1, 'a', 1); INSERT INTO app.t VALUES (2, 'b', 2); SELEC 3");
        assertTrue(e.getMessage().startsWith("Statement 3: "), e.getMessage());
        db.fails(ErrorCode.BATCH_PARSE_ERROR, root(), "SELEC 1; INSERT INTO app.t VALUES (1, 'a', 1)");
        assertEquals(List.of(), ids());
    }

    @Test
    void aLoneStatementThatDoesNotParseIsInvalidSql() {
        KalamException e = db.fails(ErrorCode.INVALID_SQL, root(), "SELECT FROM WHERE");
        assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
    }

    @Test
    void parametersAreRefusedWithABatch() {
        KalamException e = db.fails(ErrorCode.PARAMS_WITH_BATCH, root(),
                "INSERT INTO app.t VALUES ($1, 'a', 1); SELECT 1", 1);
        assertTrue(e.getMessage().contains("(2 given)"), e.getMessage());
        assertEquals(List.of(), ids());
    }

    @Test
    void dollarParametersBindByNumber() {
        db.run(root(), "INSERT INTO app.t (name, id, n) VALUES ($2, $1, $3)", 7, "seven", 70);
        assertEquals(List.of(List.of(7L, "seven", 70)), db.rows(root(), "SELECT id, name, n FROM app.t"));
    }

    @Test
    void aRepeatedParameterTakesTheSameValue() {
        db.run(root(), "INSERT INTO app.t VALUES ($1, 'x', $1)", 5);
        db.run(root(), "INSERT INTO app.t VALUES (6, 'y', 1)");
        assertEquals(List.of(List.of(5L, 5)), db.rows(root(), "SELECT id, n FROM app.t WHERE id = $1 OR n = $1", 5));
    }

    @Test
    void parametersOutOfOrderBindToTheirNumbers() {
        db.run(root(), "INSERT INTO app.t VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");
        assertEquals(List.of("c"), db.column(root(), "SELECT name FROM app.t WHERE n > $2 AND id < $1", 4, 25));
    }

    @Test
    void questionMarkParametersBindInOrder() {
        db.run(root(), "INSERT INTO app.t VALUES (?, ?, ?)", 1, "q", 2);
        assertEquals(List.of("q"), db.column(root(), "SELECT name FROM app.t WHERE id = ? AND n = ?", 1, 2));
    }

    @Test
    void aParameterAssignedInUpdateTakesTheColumnsType() {
        db.run(root(), "CREATE TABLE app.docs (id TEXT PRIMARY KEY, n INT, doc JSON, vec EMBEDDING(2), seen TIMESTAMP)");
        db.run(root(), "INSERT INTO app.docs (id) VALUES ('d1'), ('d2')");
        assertEquals(1, db.run(root(), "UPDATE app.docs SET n = $1, doc = $2, vec = $3, seen = $4 WHERE id = $5",
                7, Map.of("a", List.of(1, 2)), List.of(0.5, 1), "2024-05-01T12:30:00Z", "d1").rowCount());

        List<Object> row = db.rows(root(), "SELECT n, doc, vec, seen FROM app.docs WHERE id = 'd1'").get(0);
        assertEquals(7, row.get(0));
        assertEquals("{\"a\":[1,2]}", row.get(1));
        assertArrayEquals(new float[] {0.5f, 1f}, (float[]) row.get(2));
        assertEquals(1_714_566_600_000_000L, row.get(3));
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), "UPDATE app.docs SET n = $1", "seven");
        assertEquals(Arrays.asList(7, null), db.column(root(), "SELECT n FROM app.docs ORDER BY id"));
    }

    @Test
    void missingOrExtraParametersAreInvalid() {
        KalamException missing = db.fails(ErrorCode.INVALID_PARAMETER, root(),
                "SELECT name FROM app.t WHERE id = $1 AND n = $2", 1);
        assertTrue(missing.getMessage().contains("Parameter $2 is missing"), missing.getMessage());
        db.fails(ErrorCode.INVALID_PARAMETER, root(), "INSERT INTO app.t VALUES ($1, 'a', 1)");
        KalamException extra = db.fails(ErrorCode.INVALID_PARAMETER, root(), "SELECT name FROM app.t WHERE id = $1",
                1, 2);
        assertTrue(extra.getMessage().contains("2 parameter(s) given but the statement uses 1"), extra.getMessage());
        db.fails(ErrorCode.INVALID_PARAMETER, root(), "SELECT 1", 1);
        assertEquals(List.of(), ids());
    }

    @Test
    void aParameterOfTheWrongTypeIsAConstraintViolation() {
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), "INSERT INTO app.t VALUES ($1, 'a', 1)", "one");
    }

    @Test
    void blankOrCommentOnlySqlIsEmpty() {
        db.fails(ErrorCode.EMPTY_SQL, root(), "");
        db.fails(ErrorCode.EMPTY_SQL, root(), "  \n ");
        db.fails(ErrorCode.EMPTY_SQL, root(), " ; ;");
        db.fails(ErrorCode.EMPTY_SQL, root(), "-- nothing here\n/* nor here */");
    }

    @Test
    void useChangesTheNamespaceOfTheFollowingStatements() {
        db.run(root(), "CREATE NAMESPACE other");
        db.run(root(), "CREATE TABLE other.t (id BIGINT PRIMARY KEY, name TEXT, n INT)");
        SqlSession session = root();
        List<StatementResult> results = db.runAll(session,
                "USE app; INSERT INTO t VALUES (1, 'in app', 1); USE NAMESPACE other; INSERT INTO t VALUES (2, 'in other', 2)");
        assertEquals("Using namespace 'app'", results.get(0).message());

        assertEquals(List.of(1L), ids());
        assertEquals(List.of(2L), db.column(root(), "SELECT id FROM other.t"));
        assertEquals("other", session.namespace().value());
    }

    @Test
    void useOfAnUnknownNamespaceFails() {
        db.fails(ErrorCode.NAMESPACE_NOT_FOUND, root(), "USE nowhere");
        db.fails(ErrorCode.TABLE_NOT_FOUND, root(), "SELECT * FROM t");
    }
}
