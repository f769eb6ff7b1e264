package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statement that violates a constraint in any row writes nothing at all. */
class ConstraintAtomicityTest {
    private static final List<List<Object>> ORIGINAL = List.of(List.of(1L, "one", (short) 1),
            List.of(2L, "two", (short) 2));

    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void table() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, name TEXT NOT NULL, n SMALLINT)");
        db.run(root(), "INSERT INTO app.t VALUES (1, 'one', 1), (2, 'two', 2)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<List<Object>> contents() {
        return db.rows(root(), "SELECT id, name, n FROM app.t ORDER BY id");
    }

    private void assertMessage(KalamException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void insertWithNullInNotNullColumnWritesNoRow() {
        KalamException e = db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(),
                "INSERT INTO app.t VALUES (10, 'a', 1), (11, 'b', 1), (12, NULL, 1)");
        assertMessage(e, "null value in column \"name\" of relation \"app.t\" violates not-null constraint");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void insertOmittingANotNullColumnWritesNoRow() {
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), "INSERT INTO app.t (id, n) VALUES (10, 1)");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void insertDuplicatingAnExistingKeyWritesNoRow() {
        KalamException e = db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(),
                "INSERT INTO app.t VALUES (10, 'a', 1), (11, 'b', 1), (2, 'again', 1)");
        assertMessage(e, "primary key 2 already exists in app.t");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void insertDuplicatingAKeyWithinTheStatementWritesNoRow() {
        KalamException e = db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(),
                "INSERT INTO app.t VALUES (10, 'a', 1), (11, 'b', 1), (10, 'c', 1)");
        assertMessage(e, "primary key 10 already exists");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void insertWithAValueOfTheWrongTypeWritesNoRow() {
        KalamException e = db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(),
                "INSERT INTO app.t VALUES (10, 'a', 1), (11, 'b', 1), (12, 'c', 'many')");
        assertMessage(e, "is not a valid SMALLINT");
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(),
                "INSERT INTO app.t VALUES (10, 'a', 1), (11, 'b', 1), (12, 'c', 40000)");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void insertSelectWithADuplicateKeyWritesNoRow() {
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(),
                "INSERT INTO app.t (id, name) SELECT id + 1, name FROM app.t");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void insertWithAnUnknownReturningColumnWritesNoRow() {
        KalamException e = db.fails(ErrorCode.INVALID_SQL, root(),
                "INSERT INTO app.t VALUES (10, 'a', 1) RETURNING id, nope");
        assertMessage(e, "RETURNING column \"nope\" does not exist in app.t");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void updateSettingNotNullColumnToNullUpdatesNoRow() {
        KalamException e = db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(),
                "UPDATE app.t SET name = CASE WHEN id = 2 THEN NULL ELSE 'changed' END");
        assertMessage(e, "violates not-null constraint");
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), "UPDATE app.t SET name = NULL WHERE id = 1");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void updateOverflowingAColumnInOneRowUpdatesNoRow() {
        db.run(root(), "INSERT INTO app.t VALUES (3, 'three', 30000)");
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), "UPDATE app.t SET n = n * 2");
        assertEquals(List.of((short) 1, (short) 2, (short) 30000), db.column(root(), "SELECT n FROM app.t ORDER BY id"));
    }

    @Test
    void updateOfThePrimaryKeyIsRefused() {
        KalamException e = db.fails(ErrorCode.INVALID_SQL, root(), "UPDATE app.t SET id = 5 WHERE id = 1");
        assertMessage(e, "Cannot update primary key column \"id\"");
        assertEquals(ORIGINAL, contents());
    }

    @Test
    void userTableStatementsAreAtomicToo() {
        db.run(root(), "CREATE USER TABLE app.u (id TEXT PRIMARY KEY, v INT NOT NULL)");
        SqlSession alice = user("alice");
        db.run(alice, "INSERT INTO app.u VALUES ('a', 1)");
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, alice, "INSERT INTO app.u VALUES ('b', 2), ('a', 3)");
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, alice, "UPDATE app.u SET v = NULL");
        assertEquals(List.of(List.of("a", 1)), db.rows(alice, "SELECT id, v FROM app.u"));
    }
}
