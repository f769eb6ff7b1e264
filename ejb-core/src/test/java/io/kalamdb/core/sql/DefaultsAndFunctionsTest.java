package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column DEFAULTs, the KalamDB functions in DEFAULT, VALUES, SELECT and WHERE, RETURNING and INSERT … SELECT. */
class DefaultsAndFunctionsTest {
    private static final String CROCKFORD_ULID = "[0-7][0-9A-HJKMNP-TV-Z]{25}";

    @TempDir
    Path dir;
    private EngineFixture db;
    private final SqlSession alice = user("alice");

    @BeforeEach
    void table() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), """
                CREATE USER TABLE app.events (
                  id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(),
                  uid UUID DEFAULT UUID_V7(),
                  ulid TEXT DEFAULT ULID(),
                  created TIMESTAMP DEFAULT NOW(),
                  seen DATETIME DEFAULT CURRENT_TIMESTAMP,
                  owner TEXT DEFAULT CURRENT_USER(),
                  kind TEXT DEFAULT 'note',
                  body TEXT)
                """);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static long nowMicros() {
        return System.currentTimeMillis() * 1000L;
    }

    @Test
    void nowAndCurrentTimestampDefaultToTheInsertTimeInMicros() {
        long before = nowMicros();
        db.run(alice, "INSERT INTO app.events (body) VALUES ('x')");
        long after = nowMicros();

        List<Object> row = db.rows(alice, "SELECT created, seen FROM app.events").get(0);
        for (Object v : row) {
            long micros = (Long) v;
            assertTrue(micros >= before && micros <= after, micros + " not in [" + before + ", " + after + "]");
            assertEquals(0, micros % 1000, "millisecond precision");
        }
    }

    @Test
    void nowIsOneValuePerStatementForEveryRowAndInsertSelect() {
        StringBuilder values = new StringBuilder("('r0')");
        for (int i = 1; i < 2000; i++) {
            values.append(", ('r").append(i).append("')");
        }
        db.run(alice, "INSERT INTO app.events (body) VALUES " + values);
        db.run(alice, "INSERT INTO app.events (body, created) SELECT body || '-copy', NOW() FROM app.events");

        List<List<Object>> times = db.rows(alice, "SELECT DISTINCT created, seen FROM app.events WHERE body NOT LIKE"
                + " '%-copy'");
        assertEquals(1, times.size(), "one NOW() for all 2000 rows of the statement");
        assertEquals(times.get(0).get(0), times.get(0).get(1));
        assertEquals(1, db.rows(alice, "SELECT DISTINCT created FROM app.events WHERE body LIKE '%-copy'").size());
    }

    @Test
    void snowflakeIdsAreDistinctAndIncreaseWithinAMultiRowInsert() {
        StatementResult r = db.run(alice, "INSERT INTO app.events (body) VALUES ('a'), ('b'), ('c'), ('d') RETURNING id");
        List<Long> ids = r.rows().stream().map(row -> (Long) row[0]).toList();
        assertEquals(4, new HashSet<>(ids).size());
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), ids.toString());
        }
        assertEquals(List.of("a", "b", "c", "d"), db.column(alice, "SELECT body FROM app.events ORDER BY id"));
    }

    @Test
    void uuidV7AndUlidDefaultsHaveTheirFormats() {
        db.run(alice, "INSERT INTO app.events (body) VALUES ('x'), ('y')");
        for (List<Object> row : db.rows(alice, "SELECT uid, ulid FROM app.events")) {
            assertEquals(7, UUID.fromString((String) row.get(0)).version(), row.toString());
            assertEquals(26, ((String) row.get(1)).length());
            assertTrue(((String) row.get(1)).matches(CROCKFORD_ULID), row.toString());
        }
        assertEquals(2L, db.column(alice, "SELECT COUNT(DISTINCT uid) FROM app.events").get(0));
    }

    @Test
    void currentUserDefaultsToTheSessionUser() {
        db.run(alice, "INSERT INTO app.events (body) VALUES ('x')");
        db.run(user("bob"), "INSERT INTO app.events (body) VALUES ('y')");
        assertEquals(List.of("alice"), db.column(alice, "SELECT owner FROM app.events"));
        assertEquals(List.of("bob"), db.column(user("bob"), "SELECT owner FROM app.events"));
    }

    @Test
    void constantDefaultsAndTheDefaultKeyword() {
        db.run(alice, "INSERT INTO app.events (id, kind, body) VALUES (1, DEFAULT, 'x'), (2, 'task', 'y')");
        assertEquals(List.of("note", "task"), db.column(alice, "SELECT kind FROM app.events ORDER BY id"));
        db.run(alice, "INSERT INTO app.events (id, kind) VALUES (3, NULL)");
        assertEquals(List.of(), db.rows(alice, "SELECT kind FROM app.events WHERE id = 3 AND kind IS NOT NULL"));
    }

    @Test
    void currentUserInSelectAndWhereIsTheCaller() {
        assertEquals(List.of(List.of("alice", "alice")), db.rows(alice, "SELECT CURRENT_USER, CURRENT_USER()"));
        assertEquals(List.of(List.of("bob", "bob")), db.rows(user("bob"), "SELECT CURRENT_USER, CURRENT_USER()"));

        db.run(root(), "CREATE TABLE app.profiles (name TEXT PRIMARY KEY, bio TEXT) WITH (ACCESS_LEVEL = 'public')");
        db.run(root(), "INSERT INTO app.profiles VALUES ('alice', 'likes tea'), ('bob', 'likes coffee')");
        String mine = "SELECT bio FROM app.profiles WHERE name = CURRENT_USER()";
        assertEquals(List.of("likes tea"), db.column(alice, mine));
        assertEquals(List.of("likes coffee"), db.column(user("bob"), mine));
        assertEquals(List.of("likes coffee"), db.column(user("bob"), "SELECT bio FROM app.profiles WHERE name = CURRENT_USER"));
    }

    @Test
    void idFunctionsInSelectGiveAFreshValuePerRow() {
        db.run(alice, "INSERT INTO app.events (body) VALUES ('a'), ('b'), ('c')");
        List<List<Object>> rows = db.rows(alice, "SELECT SNOWFLAKE_ID(), UUID_V7(), ULID() FROM app.events");
        assertEquals(3, rows.stream().map(r -> r.get(0)).distinct().count());
        assertEquals(3, rows.stream().map(r -> r.get(1)).distinct().count());
        assertEquals(3, rows.stream().map(r -> r.get(2)).distinct().count());
        assertEquals(7, UUID.fromString((String) rows.get(0).get(1)).version());
        assertTrue(((String) rows.get(0).get(2)).matches(CROCKFORD_ULID));
    }

    @Test
    void nowInSelectIsTheStatementTimeAndIsNotFrozenByThePlanCache() throws InterruptedException {
        long before = nowMicros();
        long first = (Long) db.column(alice, "SELECT NOW()").get(0);
        Thread.sleep(5);
        long second = (Long) db.column(alice, "SELECT NOW()").get(0);
        long after = nowMicros();
        assertTrue(first >= before && second <= after);
        assertTrue(second > first, first + " then " + second);
        assertEquals(List.of(List.of(true)), db.rows(alice, "SELECT CURRENT_TIMESTAMP = NOW()"));
    }

    @Test
    void functionsWorkInWhere() throws InterruptedException {
        db.run(alice, "INSERT INTO app.events (body) VALUES ('past')");
        Thread.sleep(2);
        assertEquals(List.of("past"), db.column(alice, "SELECT body FROM app.events WHERE created <= NOW()"));
        assertEquals(List.of(), db.rows(alice, "SELECT body FROM app.events WHERE created > CURRENT_TIMESTAMP"));
        assertEquals(List.of("past"), db.column(alice,
                "SELECT body FROM app.events WHERE owner = CURRENT_USER AND id < SNOWFLAKE_ID()"));
    }

    @Test
    void expressionsInValuesAreEvaluated() {
        db.run(alice, "INSERT INTO app.events (id, kind, body) VALUES (2 * 3, UPPER('task'), 'a' || 'b')");
        assertEquals(List.of(List.of(6L, "TASK", "ab")), db.rows(alice, "SELECT id, kind, body FROM app.events"));
    }

    @Test
    void aDefaultOfTheWrongTypeIsRefusedAtCreate() {
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), "CREATE TABLE app.bad (id BIGINT PRIMARY KEY, n INT DEFAULT 'abc')");
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), "CREATE TABLE app.bad (id BIGINT PRIMARY KEY, n INT DEFAULT NOW())");
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, root(), "CREATE TABLE app.bad (id BIGINT PRIMARY KEY, u UUID DEFAULT ULID())");
        db.fails(ErrorCode.TABLE_NOT_FOUND, root(), "SELECT * FROM app.bad");
    }

    @Test
    void returningStarGivesTheStoredRowsWithDefaultsApplied() {
        StatementResult r = db.run(alice, "INSERT INTO app.events (id, body) VALUES (1, 'x') RETURNING *");
        assertEquals(List.of("id", "uid", "ulid", "created", "seen", "owner", "kind", "body"),
                r.schema().stream().map(ResultColumn::name).toList());
        Object[] row = r.rows().get(0);
        assertEquals(1L, row[0]);
        assertEquals("alice", row[5]);
        assertEquals("note", row[6]);
        assertEquals(db.rows(alice, "SELECT * FROM app.events").get(0), List.of(row));
    }

    @Test
    void returningSeqGivesTheRowVersion() {
        StatementResult r = db.run(alice, "INSERT INTO app.events (id, body) VALUES (1, 'x'), (2, 'y') RETURNING *, _seq");
        assertEquals("_seq", r.schema().get(r.schema().size() - 1).name());
        for (Object[] row : r.rows()) {
            assertEquals(List.of(row[row.length - 1]),
                    db.column(alice, "SELECT _seq FROM app.events WHERE id = $1", row[0]));
        }
        StatementResult named = db.run(alice, "INSERT INTO app.events (id) VALUES (3) RETURNING _seq, id");
        assertEquals(List.of("_seq", "id"), named.schema().stream().map(ResultColumn::name).toList());
        assertEquals(3L, named.rows().get(0)[1]);
    }

    @Test
    void insertSelectCopiesRowsAndAppliesDefaults() {
        db.run(alice, "INSERT INTO app.events (id, body) VALUES (1, 'x'), (2, 'y')");
        db.run(root(), "CREATE USER TABLE app.archive (id BIGINT PRIMARY KEY, body TEXT, archived TIMESTAMP DEFAULT NOW())");
        long before = nowMicros();
        assertEquals(2, db.run(alice, "INSERT INTO app.archive (id, body) SELECT id + 100, UPPER(body) FROM app.events")
                .rowCount());

        List<List<Object>> rows = db.rows(alice, "SELECT id, body, archived FROM app.archive ORDER BY id");
        assertEquals(List.of(101L, "X"), rows.get(0).subList(0, 2));
        assertEquals(List.of(102L, "Y"), rows.get(1).subList(0, 2));
        assertTrue((Long) rows.get(0).get(2) >= before);
        assertEquals(List.of(), db.rows(user("bob"), "SELECT * FROM app.archive"));
    }
}
