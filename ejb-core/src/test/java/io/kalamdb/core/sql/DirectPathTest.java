package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INSERT … VALUES and primary-key point SELECT / UPDATE / DELETE take the direct path: they run without a
 * Calcite plan, which {@code CLEAR CACHE} (reporting how many plans it dropped) makes visible.
 */
class DirectPathTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void schema() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app; CREATE USER TABLE app.kv (k TEXT PRIMARY KEY, v TEXT, n INT)");
        db.run(root(), "CLEAR CACHE");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String clearCache() {
        return db.run(root(), "CLEAR CACHE").message();
    }

    @Test
    void pointStatementsRunWithoutPlanning() {
        db.run(user("ann"), "INSERT INTO app.kv VALUES ('a', 'one', 1), ('b', 'two', 2)");
        db.run(user("ann"), "UPDATE app.kv SET v = $1, n = 10 WHERE k = $2", "uno", "a");
        db.run(user("ann"), "DELETE FROM app.kv WHERE k = 'b'");
        List<List<Object>> rows = db.rows(user("ann"), "SELECT k, v, n FROM app.kv WHERE k = 'a'");

        assertEquals(List.of(List.of("a", "uno", 10)), rows);
        assertEquals(List.of(), db.rows(user("ann"), "SELECT * FROM app.kv WHERE k = 'b'"));
        assertEquals("Cleared 0 cached plan(s)", clearCache());
    }

    @Test
    void otherShapesArePlannedAndCached() {
        db.run(user("ann"), "INSERT INTO app.kv VALUES ('a', 'one', 1)");
        db.run(user("ann"), "UPDATE app.kv SET n = n + 1 WHERE k = 'a'");
        db.run(user("ann"), "SELECT k FROM app.kv WHERE n > 0");

        assertEquals(List.of(List.of("a", 2)), db.rows(user("ann"), "SELECT k, n FROM app.kv WHERE k = 'a'"));
        assertEquals("Cleared 2 cached plan(s)", clearCache());
    }

    @Test
    void directPathKeepsUsersApart() {
        db.run(user("ann"), "INSERT INTO app.kv VALUES ('a', 'ann', 1)");
        db.run(user("bob"), "INSERT INTO app.kv VALUES ('a', 'bob', 1)");

        assertEquals("Updated 0 row(s)", db.run(user("bob"), "UPDATE app.kv SET v = 'x' WHERE k = 'zzz'").message());
        db.run(user("bob"), "UPDATE app.kv SET v = 'bob2' WHERE k = 'a'");
        db.run(user("bob"), "DELETE FROM app.kv WHERE k = 'a'");

        assertEquals(List.of(List.of("ann")), db.rows(user("ann"), "SELECT v FROM app.kv WHERE k = 'a'"));
        assertEquals(List.of(), db.rows(user("bob"), "SELECT v FROM app.kv WHERE k = 'a'"));
    }
}
