package io.kalamdb.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compilation of live SQL: every supported operator, NULL semantics, CURRENT_USER, refused shapes. */
class LiveQueryFilterTest {
    @TempDir
    Path dir;
    EngineFixture db;
    final SqlSession alice = EngineFixture.user("alice");

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.run(EngineFixture.root(), "CREATE NAMESPACE app");
        db.run(EngineFixture.root(), "CREATE USER TABLE app.items (id BIGINT PRIMARY KEY, name TEXT, qty INT, "
                + "owner TEXT)");
        db.run(EngineFixture.root(), "CREATE SHARED TABLE app.pub (id BIGINT PRIMARY KEY, v TEXT) "
                + "WITH (ACCESS_LEVEL = 'public')");
        db.run(EngineFixture.root(), "CREATE SHARED TABLE app.priv (id BIGINT PRIMARY KEY, v TEXT)");
        db.run(alice, "INSERT INTO app.items (id, name, qty, owner) VALUES (1, 'apple', 5, 'alice'), "
                + "(2, 'Banana', NULL, 'bob'), (3, 'cherry', 12, NULL), (4, 'apricot', 7, 'alice')");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** @return the ids of alice's initial rows matching the WHERE */
    private List<Object> ids(String where) {
        RecordingSink sink = new RecordingSink();
        db.engine().liveQueries().subscribe(alice, "c-" + System.nanoTime(), "s", "SELECT id FROM app.items WHERE "
                + where, SubscriptionOptions.defaults(), sink);
        return sink.initialValues("id");
    }

    @Test
    void comparisonsMatchAndNullComparisonsDoNot() {
        assertEquals(List.of(1L), ids("id = 1"));
        assertEquals(List.of(2L, 3L, 4L), ids("id <> 1"));
        assertEquals(List.of(3L, 4L), ids("qty > 5"));
        assertEquals(List.of(1L, 4L), ids("qty <= 7"));
        assertEquals(List.of(), ids("qty = NULL"));
        assertEquals(List.of(1L, 3L, 4L), ids("qty >= 5"));
    }

    @Test
    void logicalOperatorsFollowThreeValuedLogic() {
        assertEquals(List.of(4L), ids("qty > 5 AND owner = 'alice'"));
        assertEquals(List.of(1L, 3L, 4L), ids("qty > 10 OR owner = 'alice'"));
        assertEquals(List.of(1L, 4L), ids("NOT (qty > 10)"));
        assertEquals(List.of(2L), ids("NOT (owner = 'alice') AND NOT (owner IS NULL)"));
    }

    @Test
    void likeIlikeInBetweenAndNullTests() {
        assertEquals(List.of(1L, 4L), ids("name LIKE 'ap%'"));
        assertEquals(List.of(2L), ids("name ILIKE 'b%'"));
        assertEquals(List.of(1L, 3L), ids("id IN (1, 3)"));
        assertEquals(List.of(2L, 4L), ids("id NOT IN (1, 3)"));
        assertEquals(List.of(1L, 4L), ids("qty BETWEEN 5 AND 7"));
        assertEquals(List.of(2L), ids("qty IS NULL"));
        assertEquals(List.of(1L, 3L, 4L), ids("qty IS NOT NULL"));
    }

    @Test
    void currentUserIsTheSubscriber() {
        assertEquals(List.of(1L, 4L), ids("owner = CURRENT_USER()"));
        assertEquals(List.of(1L, 4L), ids("owner = CURRENT_USER"));
    }

    @Test
    void projectionKeepsOrderAndAddsSeq() {
        RecordingSink sink = new RecordingSink();
        db.engine().liveQueries().subscribe(alice, "c", "s", "SELECT name, id * 10 AS ten FROM app.items WHERE id = 1",
                SubscriptionOptions.defaults(), sink);
        Map<String, Object> row = sink.of(LiveEvent.InitialBatch.class).get(0).rows().get(0);
        assertEquals(List.of("name", "ten", "_seq"), List.copyOf(row.keySet()));
        assertEquals("apple", row.get("name"));
        assertEquals(10L, ((Number) row.get("ten")).longValue());
        assertTrue((Long) row.get("_seq") > 0);
        LiveEvent.Ack ack = sink.of(LiveEvent.Ack.class).get(0);
        assertEquals(List.of("name", "ten"), ack.schema().stream().map(c -> c.name()).toList());
    }

    private LiveQueryException refused(SqlSession session, String sql) {
        return assertThrows(LiveQueryException.class, () -> db.engine().liveQueries().subscribe(session, "c",
                "x" + System.nanoTime(), sql, SubscriptionOptions.defaults(), new RecordingSink()));
    }

    @Test
    void unsupportedShapesAreRefusedWithUnsupported() {
        for (String sql : List.of(
                "SELECT * FROM app.items ORDER BY id",
                "SELECT * FROM app.items LIMIT 3",
                "SELECT DISTINCT name FROM app.items",
                "SELECT owner, COUNT(*) FROM app.items GROUP BY owner",
                "SELECT COUNT(*) FROM app.items",
                "SELECT i.id FROM app.items i JOIN app.pub p ON i.id = p.id",
                "SELECT * FROM app.items WHERE id IN (SELECT id FROM app.pub)",
                "SELECT * FROM (SELECT * FROM app.items) t",
                "SELECT id FROM app.items UNION SELECT id FROM app.pub",
                "INSERT INTO app.items (id) VALUES (9)")) {
            LiveQueryException e = refused(alice, sql);
            assertEquals(LiveErrorCode.UNSUPPORTED, e.liveCode(), sql + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("Unsupported live query"), e.getMessage());
        }
    }

    @Test
    void invalidSqlMissingTablesAndAccessAreReported() {
        assertEquals(LiveErrorCode.INVALID_SQL, refused(alice, "SELEC * FROM app.items").liveCode());
        assertEquals(LiveErrorCode.INVALID_SQL, refused(alice, "SELECT nope FROM app.items").liveCode());
        assertEquals(LiveErrorCode.NOT_FOUND, refused(alice, "SELECT * FROM app.nothing").liveCode());
        assertEquals(LiveErrorCode.UNAUTHORIZED, refused(alice, "SELECT * FROM app.priv").liveCode());
        assertEquals(LiveErrorCode.UNAUTHORIZED, refused(alice, "SELECT * FROM system.users").liveCode());
        assertEquals(LiveErrorCode.UNSUPPORTED,
                refused(EngineFixture.as("admin", Role.DBA), "SELECT * FROM system.users").liveCode());
        assertEquals(0, db.engine().liveQueries().size());
    }

    @Test
    void compiledCodeIsSharedButEverySubscriberIsCheckedAndDdlRecompiles() {
        SqlSession admin = EngineFixture.as("admin", Role.DBA);
        RecordingSink dbaSink = new RecordingSink();
        db.engine().liveQueries().subscribe(admin, "c1", "s", "SELECT * FROM app.priv", SubscriptionOptions.defaults(),
                dbaSink);
        assertEquals(1, dbaSink.of(LiveEvent.Ack.class).size());
        assertEquals(LiveErrorCode.UNAUTHORIZED, refused(alice, "SELECT * FROM app.priv").liveCode());
        assertEquals(List.of(1L, 4L), ids("owner = CURRENT_USER()"));
        db.run(EngineFixture.root(), "ALTER TABLE app.items ADD COLUMN note TEXT");
        db.run(alice, "UPDATE app.items SET note = 'n' WHERE id = 4");
        RecordingSink sink = new RecordingSink();
        db.engine().liveQueries().subscribe(alice, "c2", "s", "SELECT * FROM app.items WHERE note = 'n'",
                SubscriptionOptions.defaults(), sink);
        assertEquals(List.of(4L), sink.initialValues("id"));
    }
}
