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

/** A USER table holds every user's rows, but each statement sees and touches only the caller's partition. */
class UserTableIsolationTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    private final SqlSession alice = user("alice");
    private final SqlSession bob = user("bob");
    private final SqlSession carol = user("carol");

    @BeforeEach
    void threeUsersWithRows() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE USER TABLE app.notes (id BIGINT PRIMARY KEY, room TEXT, body TEXT, n INT)");
        db.run(root(), "CREATE SHARED TABLE app.rooms (id TEXT PRIMARY KEY, title TEXT) WITH (ACCESS_LEVEL = 'public')");
        db.run(root(), "INSERT INTO app.rooms VALUES ('r1', 'Lobby'), ('r2', 'Kitchen')");
        db.run(alice, "INSERT INTO app.notes VALUES (1, 'r1', 'a1', 10), (2, 'r2', 'a2', 20), (3, 'r1', 'a3', 30)");
        db.run(bob, "INSERT INTO app.notes VALUES (10, 'r1', 'b10', 1), (11, 'r2', 'b11', 2)");
        db.run(carol, "INSERT INTO app.notes VALUES (20, 'r2', 'c20', 100)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void selectStarReturnsOnlyTheCallersRows() {
        assertEquals(List.of(1L, 2L, 3L), db.column(alice, "SELECT * FROM app.notes ORDER BY id"));
        assertEquals(List.of(10L, 11L), db.column(bob, "SELECT * FROM app.notes ORDER BY id"));
        assertEquals(List.of(20L), db.column(carol, "SELECT * FROM app.notes"));
    }

    @Test
    void whereFiltersWithinTheCallersPartition() {
        assertEquals(List.of("a1", "a3"), db.column(alice, "SELECT body FROM app.notes WHERE room = 'r1' ORDER BY id"));
        assertEquals(List.of("b10"), db.column(bob, "SELECT body FROM app.notes WHERE room = 'r1'"));
        assertEquals(List.of(), db.column(carol, "SELECT body FROM app.notes WHERE room = 'r1'"));
    }

    @Test
    void joinWithSharedTableJoinsOnlyTheCallersRows() {
        String join = "SELECT n.body, r.title FROM app.notes n JOIN app.rooms r ON r.id = n.room ORDER BY n.id";
        assertEquals(List.of(List.of("a1", "Lobby"), List.of("a2", "Kitchen"), List.of("a3", "Lobby")),
                db.rows(alice, join));
        assertEquals(List.of(List.of("c20", "Kitchen")), db.rows(carol, join));
    }

    @Test
    void subqueryReadsOnlyTheCallersRows() {
        String sql = "SELECT body FROM app.notes WHERE n = (SELECT MAX(n) FROM app.notes)";
        assertEquals(List.of("a3"), db.column(alice, sql));
        assertEquals(List.of("b11"), db.column(bob, sql));
        assertEquals(List.of(1L), db.column(bob,
                "SELECT COUNT(*) FROM app.rooms WHERE id IN (SELECT room FROM app.notes WHERE n > 1)"));
    }

    @Test
    void aggregatesCountAndSumOnlyTheCallersRows() {
        String sql = "SELECT COUNT(*), SUM(n) FROM app.notes";
        assertEquals(List.of(List.of(3L, 60)), db.rows(alice, sql));
        assertEquals(List.of(List.of(2L, 3)), db.rows(bob, sql));
        assertEquals(List.of(List.of(1L, 100)), db.rows(carol, sql));
    }

    @Test
    void pointLookupOfAnotherUsersKeyReturnsNothing() {
        assertEquals(List.of(), db.rows(alice, "SELECT * FROM app.notes WHERE id = 10"));
        assertEquals(List.of(), db.rows(alice, "SELECT body FROM app.notes WHERE id = $1", 20));
        assertEquals(List.of(), db.rows(bob, "SELECT body FROM app.notes n WHERE n.id = 1"));
        assertEquals(List.of("b10"), db.column(bob, "SELECT body FROM app.notes WHERE id = 10"));
    }

    @Test
    void updateTouchesOnlyTheCallersRows() {
        StatementResult r = db.run(alice, "UPDATE app.notes SET body = 'changed'");
        assertEquals(3, r.rowCount());
        assertEquals(0, db.run(alice, "UPDATE app.notes SET body = 'x' WHERE id = 10").rowCount());

        assertEquals(List.of("changed", "changed", "changed"), db.column(alice, "SELECT body FROM app.notes"));
        assertEquals(List.of("b10", "b11"), db.column(bob, "SELECT body FROM app.notes ORDER BY id"));
        assertEquals(List.of("c20"), db.column(carol, "SELECT body FROM app.notes"));
    }

    @Test
    void deleteTouchesOnlyTheCallersRows() {
        assertEquals(2, db.run(bob, "DELETE FROM app.notes").rowCount());
        assertEquals(0, db.run(carol, "DELETE FROM app.notes WHERE id = 1").rowCount());

        assertEquals(List.of(), db.rows(bob, "SELECT * FROM app.notes"));
        assertEquals(List.of(1L, 2L, 3L), db.column(alice, "SELECT id FROM app.notes ORDER BY id"));
        assertEquals(List.of(20L), db.column(carol, "SELECT id FROM app.notes"));
    }

    @Test
    void twoUsersMayInsertTheSamePrimaryKey() {
        db.run(bob, "INSERT INTO app.notes (id, body) VALUES (1, 'bob one')");
        db.run(carol, "INSERT INTO app.notes (id, body) VALUES (1, 'carol one')");

        assertEquals(List.of("a1"), db.column(alice, "SELECT body FROM app.notes WHERE id = 1"));
        assertEquals(List.of("bob one"), db.column(bob, "SELECT body FROM app.notes WHERE id = 1"));
        assertEquals(List.of("carol one"), db.column(carol, "SELECT body FROM app.notes WHERE id = 1"));
    }

    @Test
    void resultsNameTheUserWhosePartitionWasRead() {
        StatementResult r = db.run(bob, "SELECT * FROM app.notes");
        assertEquals("bob", r.asUser().value());
    }
}
