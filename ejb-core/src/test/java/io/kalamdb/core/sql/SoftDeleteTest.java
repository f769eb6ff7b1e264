package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE on USER and SHARED tables writes a tombstone: the row disappears from queries but stays readable
 * through {@code _deleted}; every write gives the row a new {@code _seq}.
 */
class SoftDeleteTest {
    @TempDir
    Path dir;
    private EngineFixture db;
    private final SqlSession alice = user("alice");

    @BeforeEach
    void tables() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE TABLE app.items (id BIGINT PRIMARY KEY, name TEXT)");
        db.run(root(), "INSERT INTO app.items VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        db.run(root(), "CREATE USER TABLE app.todos (id TEXT PRIMARY KEY, title TEXT)");
        db.run(alice, "INSERT INTO app.todos VALUES ('t1', 'milk'), ('t2', 'bread')");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long seqOf(Object id, boolean deleted) {
        return (Long) db.column(root(), "SELECT _seq FROM app.items WHERE id = $1 AND _deleted = $2", id, deleted)
                .get(0);
    }

    @Test
    void deletedRowsDisappearFromSelect() {
        assertEquals(1, db.run(root(), "DELETE FROM app.items WHERE id = 2").rowCount());

        assertEquals(List.of(1L, 3L), db.column(root(), "SELECT id FROM app.items ORDER BY id"));
        assertEquals(List.of(), db.rows(root(), "SELECT * FROM app.items WHERE id = 2"));
        assertEquals(List.of(2L), db.column(root(), "SELECT COUNT(*) FROM app.items"));
    }

    @Test
    void deletedRowsAreShownWhenTheQueryAsksForThem() {
        db.run(root(), "DELETE FROM app.items WHERE id = 2");

        assertEquals(List.of(List.of(2L, "two", true)),
                db.rows(root(), "SELECT id, name, _deleted FROM app.items WHERE _deleted = true"));
        assertEquals(List.of(List.of(1L, false), List.of(3L, false)),
                db.rows(root(), "SELECT id, _deleted FROM app.items WHERE _deleted = false ORDER BY id"));
        assertEquals(List.of("two"), db.column(root(), "SELECT name FROM app.items WHERE id = 2 AND _deleted = true"));
    }

    @Test
    void deletingADeletedRowAffectsNothing() {
        db.run(root(), "DELETE FROM app.items WHERE id = 2");
        assertEquals(0, db.run(root(), "DELETE FROM app.items WHERE id = 2").rowCount());
        assertEquals(0, db.run(root(), "UPDATE app.items SET name = 'x' WHERE id = 2").rowCount());
        assertEquals(List.of("two"), db.column(root(), "SELECT name FROM app.items WHERE _deleted = true"));
    }

    @Test
    void userTableDeleteIsSoftToo() {
        db.run(alice, "DELETE FROM app.todos WHERE title = 'milk'");

        assertEquals(List.of("t2"), db.column(alice, "SELECT id FROM app.todos"));
        assertEquals(List.of("t1"), db.column(alice, "SELECT id FROM app.todos WHERE _deleted = true"));
        assertEquals(List.of(), db.rows(user("bob"), "SELECT id FROM app.todos WHERE _deleted = true"));
    }

    @Test
    void seqChangesOnUpdateAndOnDelete() {
        long inserted = seqOf(1, false);
        db.run(root(), "UPDATE app.items SET name = 'uno' WHERE id = 1");
        long updated = seqOf(1, false);
        db.run(root(), "DELETE FROM app.items WHERE id = 1");
        long deleted = seqOf(1, true);

        assertTrue(updated > inserted, updated + " > " + inserted);
        assertTrue(deleted > updated, deleted + " > " + updated);
    }

    @Test
    void seqIsHiddenFromSelectStarButSelectableByName() {
        StatementResult star = db.run(root(), "SELECT * FROM app.items ORDER BY id");
        assertEquals(List.of("id", "name"), star.schema().stream().map(ResultColumn::name).toList());

        StatementResult named = db.run(root(), "SELECT id, _seq, _deleted FROM app.items ORDER BY id");
        assertEquals(List.of("id", "_seq", "_deleted"), named.schema().stream().map(ResultColumn::name).toList());
        assertEquals("BigInt", named.schema().get(1).type().wireName());
        List<Object> seqs = db.column(root(), "SELECT _seq FROM app.items ORDER BY _seq");
        assertEquals(3, seqs.stream().distinct().count());

        StatementResult point = db.run(root(), "SELECT *, _seq FROM app.items WHERE id = 3");
        assertEquals(List.of("id", "name", "_seq"), point.schema().stream().map(ResultColumn::name).toList());
    }

    @Test
    void aDeletedKeyCanBeInsertedAgain() {
        long before = seqOf(2, false);
        db.run(root(), "DELETE FROM app.items WHERE id = 2");
        db.run(root(), "INSERT INTO app.items VALUES (2, 'deux')");

        assertEquals(List.of(List.of(2L, "deux", false)),
                db.rows(root(), "SELECT id, name, _deleted FROM app.items WHERE id = 2"));
        assertNotEquals(before, seqOf(2, false));

        db.run(alice, "DELETE FROM app.todos WHERE id = 't1'");
        db.run(alice, "INSERT INTO app.todos VALUES ('t1', 'eggs')");
        assertEquals(List.of("eggs"), db.column(alice, "SELECT title FROM app.todos WHERE id = 't1'"));
    }
}
