package io.kalamdb.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live queries under concurrent writers: the snapshot boundary and per-partition order. */
class LiveQueryConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int ROWS_PER_WRITER = 300;

    @TempDir
    Path dir;
    EngineFixture db;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.run(EngineFixture.root(), "CREATE NAMESPACE app");
        db.run(EngineFixture.root(), "CREATE SHARED TABLE app.feed (id BIGINT PRIMARY KEY, w INT, v INT) "
                + "WITH (ACCESS_LEVEL = 'public')");
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        db.close();
    }

    /**
     * Each writer inserts rows, updating every third one right after and deleting every seventh, until it
     * has written {@code ROWS_PER_WRITER} rows and {@code stop} is set.
     */
    private List<Future<?>> startWriters(AtomicBoolean stop) {
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                SqlSession session = EngineFixture.as("writer" + writer, io.kalamdb.core.model.Role.SERVICE);
                for (int i = 0; i < ROWS_PER_WRITER || !stop.get(); i++) {
                    long id = writer * 100_000L + i;
                    db.run(session, "INSERT INTO app.feed (id, w, v) VALUES (" + id + ", " + writer + ", 0)");
                    if (i % 3 == 0) {
                        db.run(session, "UPDATE app.feed SET v = 1 WHERE id = " + id);
                    }
                    if (i % 7 == 0) {
                        db.run(session, "DELETE FROM app.feed WHERE id = " + id);
                    }
                }
            }));
        }
        return writers;
    }

    /**
     * Replays a subscriber's events into a table: initial rows, then inserts (of absent ids), updates and
     * deletes (of present ids) — anything else is a duplicate or a gap.
     */
    private static Map<Long, Long> replay(RecordingSink sink) {
        Map<Long, Long> rows = new TreeMap<>();
        for (LiveEvent.InitialBatch b : sink.of(LiveEvent.InitialBatch.class)) {
            for (Map<String, Object> r : b.rows()) {
                assertNull(rows.put((Long) r.get("id"), ((Number) r.get("v")).longValue()), "duplicate initial row");
            }
        }
        for (LiveEvent.Change c : sink.of(LiveEvent.Change.class)) {
            switch (c.changeType()) {
                case INSERT -> assertNull(rows.put((Long) c.rows().get(0).get("id"),
                        ((Number) c.rows().get(0).get("v")).longValue()), "duplicate insert " + c);
                case UPDATE -> assertNotNull(rows.put((Long) c.rows().get(0).get("id"),
                        ((Number) c.rows().get(0).get("v")).longValue()), "update of an unknown row " + c);
                case DELETE -> assertNotNull(rows.remove((Long) c.oldValues().get(0).get("id")),
                        "delete of an unknown row " + c);
            }
        }
        return rows;
    }

    private Map<Long, Long> expected(String where) {
        Map<Long, Long> rows = new TreeMap<>();
        for (List<Object> r : db.rows(EngineFixture.root(), "SELECT id, v FROM app.feed" + where)) {
            rows.put((Long) r.get(0), ((Number) r.get(1)).longValue());
        }
        return rows;
    }

    @Test
    void subscriptionsCreatedDuringWritesEndWithExactlyTheMatchingRows() throws Exception {
        db.engine().liveQueries().subscribe(EngineFixture.user("warm"), "warm", "s", "SELECT id, v FROM app.feed "
                + "WHERE w = 1 OR v = 1", SubscriptionOptions.defaults(), new RecordingSink());
        db.engine().liveQueries().closeConnection("warm");
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> writers = startWriters(stop);
        Thread.sleep(100);
        List<RecordingSink> sinks = new ArrayList<>();
        List<String> wheres = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String where = i % 2 == 0 ? "" : " WHERE w = " + (i % WRITERS) + " OR v = 1";
            RecordingSink sink = new RecordingSink();
            db.engine().liveQueries().subscribe(EngineFixture.user("sub" + i), "c" + i, "s",
                    "SELECT id, v FROM app.feed" + where, new SubscriptionOptions(100_000, null, null), sink);
            sinks.add(sink);
            wheres.add(where);
            Thread.sleep(5);
        }
        stop.set(true);
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        long overlapping = sinks.stream().filter(s -> !s.initialValues("id").isEmpty()
                && !s.of(LiveEvent.Change.class).isEmpty()).count();
        assertTrue(overlapping >= 10, "subscriptions made while writers ran: " + overlapping);
        for (int i = 0; i < 50; i++) {
            assertEquals(expected(wheres.get(i)), replay(sinks.get(i)), "subscriber " + i);
        }
        assertEquals(50, db.engine().liveQueries().size());
    }

    @Test
    void changesOfOnePartitionArriveInCommitOrder() throws Exception {
        RecordingSink sink = new RecordingSink();
        db.engine().liveQueries().subscribe(EngineFixture.user("watcher"), "c", "s", "SELECT id, v FROM app.feed",
                SubscriptionOptions.defaults(), sink);
        AtomicBoolean stop = new AtomicBoolean(true);
        for (Future<?> w : startWriters(stop)) {
            w.get(120, TimeUnit.SECONDS);
        }
        List<LiveEvent.Change> changes = sink.of(LiveEvent.Change.class);
        assertTrue(changes.size() > WRITERS * ROWS_PER_WRITER, "changes: " + changes.size());
        long previous = 0;
        Map<Long, Integer> perWriter = new HashMap<>();
        for (LiveEvent.Change c : changes) {
            Map<String, Object> row = c.changeType() == LiveEvent.ChangeType.DELETE ? c.oldValues().get(0)
                    : c.rows().get(0);
            long seq = c.changeType() == LiveEvent.ChangeType.DELETE ? 0 : (Long) row.get("_seq");
            if (seq != 0) {
                assertTrue(seq > previous, "_seq went back: " + seq + " after " + previous);
                previous = seq;
            }
            perWriter.merge((Long) row.get("id") / 100_000L, 1, Integer::sum);
        }
        assertEquals(WRITERS, perWriter.size());
        assertEquals(expected(""), replay(sink));
    }
}
