package io.kalamdb.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineConfig;
import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.KalamEngine;
import io.kalamdb.core.auth.TokenSettings;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.store.Durability;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions end to end on a real engine: initial data, paging, change routing, resume, limits, kill. */
class LiveQueryManagerTest {
    @TempDir
    Path dir;
    EngineFixture db;
    LiveQueryManager live;
    final SqlSession alice = EngineFixture.user("alice");
    final SqlSession bob = EngineFixture.user("bob");

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        live = db.engine().liveQueries();
        db.run(EngineFixture.root(), "CREATE NAMESPACE app");
        db.run(EngineFixture.root(), "CREATE USER TABLE app.todos (id BIGINT PRIMARY KEY, title TEXT, done BOOLEAN)");
        db.run(EngineFixture.root(), "CREATE SHARED TABLE app.news (id BIGINT PRIMARY KEY, body TEXT) "
                + "WITH (ACCESS_LEVEL = 'public')");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private RecordingSink subscribe(SqlSession who, String connection, String id, String sql, SubscriptionOptions o) {
        RecordingSink sink = new RecordingSink();
        live.subscribe(who, connection, id, sql, o, sink);
        return sink;
    }

    /** @return the highest {@code _seq} of the user's stored versions, tombstones included */
    private long maxSeq(SqlSession who) {
        Object live = db.column(who, "SELECT MAX(_seq) FROM app.todos").get(0);
        Object deleted = db.column(who, "SELECT MAX(_seq) FROM app.todos WHERE _deleted = true").get(0);
        return Math.max(live == null ? 0 : ((Number) live).longValue(),
                deleted == null ? 0 : ((Number) deleted).longValue());
    }

    @Test
    void initialDataIsPagedInBatchesWithStatusesAndLastSeqId() {
        StringBuilder insert = new StringBuilder("INSERT INTO app.todos (id, title, done) VALUES ");
        for (int i = 1; i <= 2500; i++) {
            insert.append(i == 1 ? "" : ", ").append("(").append(i).append(", 't").append(i).append("', false)");
        }
        db.run(alice, insert.toString());
        long mark = maxSeq(alice);
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT id, title FROM app.todos",
                new SubscriptionOptions(1000, null, null));
        LiveEvent.Ack ack = sink.of(LiveEvent.Ack.class).get(0);
        assertEquals(2500, ack.totalRows());
        assertEquals(new LiveEvent.BatchControl(0, true, "loading", null), ack.batchControl());
        assertEquals(1, sink.of(LiveEvent.InitialBatch.class).size());
        live.nextBatch("c1", "s1");
        live.nextBatch("c1", "s1");
        List<LiveEvent.InitialBatch> batches = sink.of(LiveEvent.InitialBatch.class);
        assertEquals(List.of(1000, 1000, 500), batches.stream().map(b -> b.rows().size()).toList());
        assertEquals(List.of("loading_batch", "loading_batch", "ready"),
                batches.stream().map(b -> b.batchControl().status()).toList());
        assertEquals(List.of(0, 1, 2), batches.stream().map(b -> b.batchControl().batchNum()).toList());
        assertEquals(List.of(true, true, false), batches.stream().map(b -> b.batchControl().hasMore()).toList());
        assertEquals(mark, batches.get(2).batchControl().lastSeqId());
        assertEquals(2500, sink.initialValues("id").stream().distinct().count());
        assertEquals(1L, sink.initialValues("id").get(0));
        LiveQueryException done = assertThrows(LiveQueryException.class, () -> live.nextBatch("c1", "s1"));
        assertEquals(LiveErrorCode.PROTOCOL, done.liveCode());
    }

    @Test
    void changesDuringPagingAreHeldUntilTheLastBatch() {
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'a', false), (2, 'b', false), "
                + "(3, 'c', false)");
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT id, title FROM app.todos",
                new SubscriptionOptions(2, null, null));
        db.run(alice, "UPDATE app.todos SET title = 'c2' WHERE id = 3");
        assertEquals(List.of(), sink.changes("title"));
        live.nextBatch("c1", "s1");
        assertEquals(List.of(1L, 2L, 3L), sink.initialValues("id"));
        assertEquals(List.of("UPDATE:c2"), sink.changes("title"));
    }

    @Test
    void insertUpdateDeleteFollowTheWhere() {
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'a', false)");
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT id, title FROM app.todos WHERE done = false",
                SubscriptionOptions.defaults());
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (2, 'b', false)");
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (3, 'c', true)");
        db.run(alice, "UPDATE app.todos SET title = 'a2' WHERE id = 1");
        db.run(alice, "UPDATE app.todos SET done = true WHERE id = 2");
        db.run(alice, "UPDATE app.todos SET done = false WHERE id = 3");
        db.run(alice, "UPDATE app.todos SET title = 'ignored' WHERE id = 2");
        db.run(alice, "DELETE FROM app.todos WHERE id = 1");
        assertEquals(List.of("INSERT:b", "UPDATE:a2", "DELETE:b", "INSERT:c", "DELETE:a2"), sink.changes("title"));
        LiveEvent.Change update = sink.of(LiveEvent.Change.class).get(1);
        assertEquals("a", update.oldValues().get(0).get("title"));
        assertEquals(List.of("id", "title", "_seq"), List.copyOf(update.rows().get(0).keySet()));
        assertTrue((Long) update.rows().get(0).get("_seq") > (Long) update.oldValues().get(0).get("_seq"));
    }

    @Test
    void subscriptionsOfOneShapeShareEachChangesDelta() {
        String sql = "SELECT id, title FROM app.todos WHERE done = false";
        RecordingSink first = subscribe(alice, "c1", "s1", sql, SubscriptionOptions.defaults());
        RecordingSink second = subscribe(alice, "c2", "s7", sql, SubscriptionOptions.defaults());
        RecordingSink other = subscribe(alice, "c3", "s1", "SELECT id FROM app.todos", SubscriptionOptions.defaults());
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'a', false)");
        LiveEvent.Change a = first.of(LiveEvent.Change.class).get(0);
        LiveEvent.Change b = second.of(LiveEvent.Change.class).get(0);
        LiveEvent.Change c = other.of(LiveEvent.Change.class).get(0);
        assertEquals("s7", b.subscriptionId());
        assertSame(a.delta(), b.delta());
        assertNotSame(a.delta(), c.delta());
        assertEquals(List.of("id", "_seq"), List.copyOf(c.rows().get(0).keySet()));
    }

    @Test
    void anotherUsersWritesAreNeverDelivered() {
        RecordingSink aliceSink = subscribe(alice, "c1", "s1", "SELECT * FROM app.todos",
                SubscriptionOptions.defaults());
        db.run(bob, "INSERT INTO app.todos (id, title, done) VALUES (1, 'bobs', false)");
        db.run(bob, "UPDATE app.todos SET title = 'bobs2' WHERE id = 1");
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'alices', false)");
        assertEquals(List.of("INSERT:alices"), aliceSink.changes("title"));
    }

    @Test
    void aQueryFailingOnAChangedRowEndsOnlyThatSubscription() {
        RecordingSink failing = subscribe(alice, "c1", "s1", "SELECT id FROM app.todos WHERE CAST(title AS INT) = 1",
                SubscriptionOptions.defaults());
        RecordingSink healthy = subscribe(alice, "c2", "s1", "SELECT title FROM app.todos",
                SubscriptionOptions.defaults());
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'not a number', false)");
        assertEquals(LiveErrorCode.INVALID_SQL, failing.of(LiveEvent.Error.class).get(0).code());
        assertEquals(List.of("INSERT:not a number"), healthy.changes("title"));
        assertEquals(1, db.rows(alice, "SELECT id FROM app.todos").size());
        assertEquals(1, live.size());
    }

    @Test
    void aSubscriptionKeepsItsColumnsAcrossAddColumn() {
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT * FROM app.todos", SubscriptionOptions.defaults());
        db.run(EngineFixture.root(), "ALTER TABLE app.todos ADD COLUMN note TEXT");
        db.run(alice, "INSERT INTO app.todos (id, title, done, note) VALUES (1, 'a', false, 'n')");
        LiveEvent.Change insert = sink.of(LiveEvent.Change.class).get(0);
        assertEquals(List.of("id", "title", "done", "_seq"), List.copyOf(insert.rows().get(0).keySet()));
        assertEquals("a", insert.rows().get(0).get("title"));
    }

    @Test
    void sharedTablesDeliverEveryonesWrites() {
        RecordingSink sink = subscribe(bob, "c1", "s1", "SELECT body FROM app.news", SubscriptionOptions.defaults());
        db.run(EngineFixture.root(), "INSERT INTO app.news (id, body) VALUES (1, 'hello')");
        assertEquals(List.of("INSERT:hello"), sink.changes("body"));
    }

    @Test
    void lastRowsGivesTheNewestRowsBySeq() {
        for (int i = 1; i <= 5; i++) {
            db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (" + (10 - i) + ", 't', false)");
        }
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT id FROM app.todos",
                new SubscriptionOptions(1000, 2, null));
        assertEquals(List.of(6L, 5L), sink.initialValues("id"));
        assertEquals(2, sink.of(LiveEvent.Ack.class).get(0).totalRows());
    }

    @Test
    void resumeFromSeqDeliversExactlyWhatChangedAfterIt() {
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'a', false), (2, 'b', false), "
                + "(3, 'c', false)");
        long from = maxSeq(alice);
        db.run(alice, "UPDATE app.todos SET title = 'b2' WHERE id = 2");
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (4, 'd', false)");
        db.run(alice, "DELETE FROM app.todos WHERE id = 1");
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT id, title FROM app.todos",
                new SubscriptionOptions(1000, null, from));
        assertEquals(0, sink.of(LiveEvent.Ack.class).get(0).totalRows());
        LiveEvent.InitialBatch ready = sink.of(LiveEvent.InitialBatch.class).get(0);
        assertEquals(List.of(), ready.rows());
        assertEquals("ready", ready.batchControl().status());
        assertEquals(maxSeq(alice), ready.batchControl().lastSeqId());
        assertEquals(List.of("INSERT:b2", "INSERT:d", "DELETE:a"), sink.changes("title"));
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (5, 'e', false)");
        assertEquals(List.of("INSERT:b2", "INSERT:d", "DELETE:a", "INSERT:e"), sink.changes("title"));
    }

    @Test
    void aRefusingSinkFailsOnlyItsSubscription() {
        RecordingSink full = new RecordingSink(3);
        live.subscribe(alice, "c1", "s1", "SELECT * FROM app.todos", SubscriptionOptions.defaults(), full);
        RecordingSink healthy = subscribe(alice, "c2", "s1", "SELECT * FROM app.todos",
                SubscriptionOptions.defaults());
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'a', false)");
        long firstSeq = maxSeq(alice);
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (2, 'b', false)");
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (3, 'c', false)");
        assertEquals(List.of("INSERT:a"), full.changes("title"));
        assertEquals(List.of(firstSeq), full.overflows());
        assertEquals(List.of("INSERT:a", "INSERT:b", "INSERT:c"), healthy.changes("title"));
        assertEquals(1, live.size());
        assertEquals(3, db.rows(alice, "SELECT id FROM app.todos").size());
    }

    @Test
    void subscriptionLimitsAndDuplicateIds() {
        for (int i = 0; i < 10; i++) {
            subscribe(alice, "c" + (i % 2), "s" + i, "SELECT * FROM app.todos", SubscriptionOptions.defaults());
        }
        LiveQueryException tooMany = assertThrows(LiveQueryException.class, () -> subscribe(alice, "c9", "s",
                "SELECT * FROM app.todos", SubscriptionOptions.defaults()));
        assertEquals(LiveErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED, tooMany.liveCode());
        LiveQueryException duplicate = assertThrows(LiveQueryException.class, () -> subscribe(bob, "c0", "s0",
                "SELECT * FROM app.todos", SubscriptionOptions.defaults()));
        assertEquals(LiveErrorCode.INVALID_SUBSCRIPTION_ID, duplicate.liveCode());
        live.unsubscribe("c0", "s0");
        subscribe(alice, "c9", "s", "SELECT * FROM app.todos", SubscriptionOptions.defaults());
        live.closeConnection("c1");
        assertEquals(5, live.size());
        for (int i = 0; i < 5; i++) {
            subscribe(alice, "c3", "again" + i, "SELECT * FROM app.todos", SubscriptionOptions.defaults());
        }
        assertEquals(LiveErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED, assertThrows(LiveQueryException.class,
                () -> subscribe(alice, "c4", "s", "SELECT * FROM app.todos", SubscriptionOptions.defaults()))
                .liveCode());
    }

    @Test
    void perConnectionLimitIsConfigurable(@TempDir Path other) {
        try (KalamEngine engine = KalamEngine.open(new EngineConfig(other, Durability.RELAXED, 1, null, 4,
                TokenSettings.defaults()), new LiveQueryLimits(2, 10))) {
            engine.sql().execute(EngineFixture.root(), "CREATE USER TABLE t (id BIGINT PRIMARY KEY)",
                    List.of());
            LiveQueryManager manager = engine.liveQueries();
            manager.subscribe(alice, "c1", "a", "SELECT * FROM t", SubscriptionOptions.defaults(), new RecordingSink());
            manager.subscribe(bob, "c1", "b", "SELECT * FROM t", SubscriptionOptions.defaults(), new RecordingSink());
            LiveQueryException e = assertThrows(LiveQueryException.class, () -> manager.subscribe(alice, "c1", "c",
                    "SELECT * FROM t", SubscriptionOptions.defaults(), new RecordingSink()));
            assertEquals(LiveErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED, e.liveCode());
            assertEquals("At most 2 subscriptions per connection", e.getMessage());
            manager.subscribe(alice, "c2", "c", "SELECT * FROM t", SubscriptionOptions.defaults(), new RecordingSink());
            assertEquals(3, manager.size());
        }
    }

    @Test
    void killLiveQueryEndsTheSubscriptionWithAnError() {
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT * FROM app.todos", SubscriptionOptions.defaults());
        db.fails(ErrorCode.PERMISSION_DENIED, bob, "KILL LIVE QUERY 'c1-s1'");
        db.fails(ErrorCode.NOT_FOUND, alice, "KILL LIVE QUERY 'nope'");
        db.run(alice, "KILL LIVE QUERY 'c1-s1'");
        LiveEvent.Error error = sink.of(LiveEvent.Error.class).get(0);
        assertEquals("s1", error.subscriptionId());
        assertEquals(LiveErrorCode.UNAUTHORIZED, error.code());
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'a', false)");
        assertEquals(List.of(), sink.changes("title"));
        assertEquals(0, live.size());
        subscribe(bob, "c2", "s1", "SELECT * FROM app.todos", SubscriptionOptions.defaults());
        db.run(EngineFixture.root(), "KILL LIVE QUERY 'c2-s1'");
        assertEquals(0, live.size());
    }

    @Test
    void systemLiveQueriesShowsOwnRowsToUsersAndAllToDba() {
        subscribe(alice, "c1", "s1", "SELECT * FROM app.todos WHERE done = false",
                new SubscriptionOptions(50, null, null));
        subscribe(bob, "c2", "s1", "SELECT * FROM app.todos", SubscriptionOptions.defaults());
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'a', false)");
        List<List<Object>> mine = db.rows(alice, "SELECT live_id, connection_id, subscription_id, namespace_id, "
                + "table_name, user_id, query, options, status, changes, node_id FROM system.live_queries");
        assertEquals(List.of(List.of("c1-s1", "c1", "s1", "app", "todos", "alice",
                "SELECT * FROM app.todos WHERE done = false", "{\"batch_size\":50}", "live", 1L, "1")), mine);
        assertEquals(List.of("c1-s1", "c2-s1"),
                db.column(EngineFixture.root(), "SELECT live_id FROM system.live ORDER BY live_id"));
        assertEquals(List.of("c2-s1"), db.column(bob, "SELECT live_id FROM system.live"));
    }

    @Test
    void dropTableIsRefusedWhileLiveQueriesReadItUnlessForced() {
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT id FROM app.todos", SubscriptionOptions.defaults());
        String liveId = live.liveIdsOn(io.kalamdb.core.model.TableId.of("app", "todos")).get(0);

        assertTrue(db.fails(ErrorCode.SQL_EXECUTION_ERROR, EngineFixture.root(), "DROP TABLE app.todos")
                .getMessage().contains(liveId), "the error names the live query");
        assertEquals(1, live.size());

        db.run(EngineFixture.root(), "DROP TABLE app.todos FORCE");

        assertEquals(0, live.size());
        LiveEvent.Error ended = sink.of(LiveEvent.Error.class).get(0);
        assertEquals(LiveErrorCode.NOT_FOUND, ended.code());
        assertTrue(ended.message().contains("dropped"), ended.message());
        db.run(EngineFixture.root(), "DROP TABLE app.news");
    }

    @Test
    void subscribeToOverSqlChecksTheQueryAndSaysWhatToSend() {
        assertEquals(List.of(List.of("SELECT * FROM app.todos WHERE done = FALSE", "/v1/ws", "{\"last_rows\":5}")),
                db.rows(alice, "SUBSCRIBE TO app.todos WHERE done = false OPTIONS (last_rows = 5)"));
        db.fails(ErrorCode.INVALID_SQL, alice, "SUBSCRIBE TO app.todos OPTIONS (colour = 1)");
        db.fails(ErrorCode.TABLE_NOT_FOUND, alice, "SUBSCRIBE TO app.nope");
        assertEquals(0, live.size(), "checking subscribes nothing");
    }

    @Test
    void streamSubscriptionsGetTheLiveEventsAndHardDeletesOfTheirOwnPartition() {
        db.run(EngineFixture.root(), "CREATE STREAM TABLE app.typing (id TEXT PRIMARY KEY, room TEXT)"
                + " WITH (TTL_SECONDS = 60)");
        db.run(alice, "INSERT INTO app.typing VALUES ('old', 'lobby')");
        RecordingSink sink = subscribe(alice, "c1", "s1", "SELECT id FROM app.typing WHERE room = 'lobby'",
                SubscriptionOptions.defaults());

        db.run(alice, "INSERT INTO app.typing VALUES ('e1', 'lobby'), ('e2', 'hall')");
        db.run(bob, "INSERT INTO app.typing VALUES ('b1', 'lobby')");
        db.run(alice, "DELETE FROM app.typing WHERE id = 'old'");

        assertEquals(List.of("old"), sink.of(LiveEvent.InitialBatch.class).get(0).rows().stream()
                .map(r -> r.get("id")).toList());
        assertEquals(List.of("INSERT:e1", "DELETE:old"), sink.changes("id"));
    }

    @Test
    void snapshotsAndResumeReadFlushedRowsToo() {
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (1, 'a', false), (2, 'b', false), (3, 'c', false)");
        long afterFirst = maxSeq(alice);
        db.run(alice, "INSERT INTO app.todos (id, title, done) VALUES (4, 'd', false)");
        db.engine().cold().flusher().flush(db.engine().catalog().requireTable(
                io.kalamdb.core.model.TableId.of("app", "todos")), () -> false);
        db.run(alice, "UPDATE app.todos SET title = 'b2' WHERE id = 2");
        db.run(alice, "DELETE FROM app.todos WHERE id = 3");
        RecordingSink snapshot = subscribe(alice, "c1", "s1", "SELECT id, title FROM app.todos",
                SubscriptionOptions.defaults());
        assertEquals(List.of("a", "b2", "d"), snapshot.initialValues("title"));
        RecordingSink resumed = subscribe(alice, "c2", "s1", "SELECT id, title FROM app.todos",
                new SubscriptionOptions(1000, null, afterFirst));
        assertEquals(List.of("INSERT:d", "INSERT:b2", "DELETE:c"), resumed.changes("title"));
    }
}
