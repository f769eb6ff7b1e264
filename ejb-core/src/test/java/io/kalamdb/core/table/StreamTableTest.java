package io.kalamdb.core.table;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.live.LiveEvent;
import io.kalamdb.core.live.LiveSink;
import io.kalamdb.core.live.SubscriptionOptions;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.ResultColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STREAM tables: per-user append-only events keyed by {@code _seq}, hidden once older than their TTL. */
class StreamTableTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void schema() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app; CREATE STREAM TABLE app.typing (id TEXT PRIMARY KEY, room TEXT,"
                + " kind TEXT) WITH (TTL_SECONDS = 60)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eventsArePerUserAppendOnlyAndInSeqOrder() {
        db.run(user("ann"), "INSERT INTO app.typing VALUES ('e1', 'lobby', 'start'), ('e2', 'lobby', 'stop')");
        db.run(user("ann"), "INSERT INTO app.typing VALUES ('e1', 'lobby', 'again')");
        db.run(user("bob"), "INSERT INTO app.typing VALUES ('b1', 'lobby', 'start')");

        assertEquals(List.of("start", "stop", "again"), db.column(user("ann"), "SELECT kind FROM app.typing"));
        assertEquals(List.of("again"), db.column(user("ann"), "SELECT kind FROM app.typing WHERE id = 'e1'"
                + " AND kind <> 'start'"));
        assertEquals(List.of("start"), db.column(user("bob"), "SELECT kind FROM app.typing"));
    }

    @Test
    void deleteRemovesEventsAndUpdateIsRefused() {
        db.run(user("ann"), "INSERT INTO app.typing VALUES ('e1', 'lobby', 'start'), ('e2', 'hall', 'start')");

        assertEquals("Deleted 1 row(s)", db.run(user("ann"), "DELETE FROM app.typing WHERE room = 'hall'").message());
        db.fails(ErrorCode.SQL_EXECUTION_ERROR, user("ann"), "UPDATE app.typing SET kind = 'x'");

        assertEquals(List.of("e1"), db.column(user("ann"), "SELECT id FROM app.typing"));
    }

    @Test
    void streamTablesHaveSeqButNoDeletedColumn() {
        db.run(user("ann"), "INSERT INTO app.typing VALUES ('e1', 'lobby', 'start')");

        assertEquals(List.of("id", "room", "kind"), db.run(user("ann"), "SELECT * FROM app.typing").schema().stream()
                .map(ResultColumn::name).toList());
        List<List<Object>> named = db.rows(user("ann"), "SELECT id, _seq FROM app.typing");
        assertEquals("e1", named.get(0).get(0));
        assertTrue((Long) named.get(0).get(1) > 0, "_seq is the event's Snowflake id");

        KalamException unknown = db.fails(ErrorCode.INVALID_SQL, user("ann"), "SELECT _deleted FROM app.typing");
        assertTrue(unknown.getMessage().contains("Column '_deleted' not found"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("line 1, column 8"), unknown.getMessage());
        KalamException inWhere = db.fails(ErrorCode.INVALID_SQL, user("ann"),
                "SELECT id FROM app.typing WHERE _deleted = false");
        assertTrue(inWhere.getMessage().contains("line 1, column 33"), inWhere.getMessage());
        db.fails(ErrorCode.INVALID_SQL, user("ann"), "DELETE FROM app.typing WHERE _deleted = false");
        db.fails(ErrorCode.INVALID_SQL, user("ann"), "SUBSCRIBE TO app.typing WHERE _deleted = false");
        assertEquals(List.of(1L), db.column(user("ann"), "SELECT COUNT(*) FROM app.typing"), "nothing was deleted");
    }

    @Test
    void liveQueriesOnStreamTablesFilterOnSeq() {
        db.run(user("ann"), "INSERT INTO app.typing VALUES ('e1', 'lobby', 'start')");
        long first = (Long) db.column(user("ann"), "SELECT _seq FROM app.typing").get(0);
        List<LiveEvent> events = new ArrayList<>();
        db.engine().liveQueries().subscribe(user("ann"), "c1", "s1",
                "SELECT id, kind FROM app.typing WHERE _seq > " + first, SubscriptionOptions.defaults(),
                new LiveSink() {
                    @Override
                    public boolean offer(LiveEvent event) {
                        events.add(event);
                        return true;
                    }

                    @Override
                    public void overflow(String subscriptionId, long lastDeliveredSeq) {
                        throw new AssertionError("no overflow expected");
                    }
                });

        db.run(user("ann"), "INSERT INTO app.typing VALUES ('e2', 'lobby', 'stop')");

        List<LiveEvent.InitialBatch> initial = events.stream().filter(LiveEvent.InitialBatch.class::isInstance)
                .map(LiveEvent.InitialBatch.class::cast).toList();
        assertEquals(List.of(), initial.get(0).rows(), "e1 is not after its own _seq");
        List<Map<String, Object>> inserted = events.stream().filter(LiveEvent.Change.class::isInstance)
                .map(LiveEvent.Change.class::cast).flatMap(c -> c.rows().stream()).toList();
        assertEquals(1, inserted.size());
        assertEquals("e2", inserted.get(0).get("id"));
        assertEquals("stop", inserted.get(0).get("kind"));
        assertTrue((Long) inserted.get(0).get("_seq") > first);
    }

    @Test
    void flushingAStreamTableIsRefusedAndOtherTablesFlush() {
        db.run(user("ann"), "INSERT INTO app.typing VALUES ('e1', 'lobby', 'start')");
        db.run(root(), "CREATE USER TABLE app.notes (id BIGINT PRIMARY KEY)");

        KalamException flush = db.fails(ErrorCode.INVALID_SQL, root(), "FLUSH TABLE app.typing");
        assertEquals("Cannot flush app.typing: STREAM tables are never flushed; their events stay in the hot store"
                + " until TTL_SECONDS expires them", flush.getMessage());
        KalamException storageFlush = db.fails(ErrorCode.INVALID_SQL, root(), "USE app; STORAGE FLUSH TABLE typing");
        assertTrue(storageFlush.getMessage().startsWith("Statement 2 failed: Cannot flush app.typing"),
                storageFlush.getMessage());
        assertEquals("job_id", db.run(root(), "FLUSH TABLE app.notes").schema().get(0).name());
        db.fails(ErrorCode.TABLE_NOT_FOUND, root(), "FLUSH TABLE app.nope");
        assertEquals(List.of("e1"), db.column(user("ann"), "SELECT id FROM app.typing"));
    }

    @Test
    void eventsOlderThanTheTtlAreNeverReturned() throws InterruptedException {
        db.run(root(), "CREATE STREAM TABLE app.blink (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 1)");
        db.run(user("ann"), "INSERT INTO app.blink VALUES ('a'), ('b')");
        assertEquals(List.of(2L), db.column(user("ann"), "SELECT COUNT(*) FROM app.blink"));

        Thread.sleep(1_300);

        assertEquals(List.of(0L), db.column(user("ann"), "SELECT COUNT(*) FROM app.blink"));
    }

    @Test
    void evictionDeletesExactlyTheEventsOlderThanTheTtlAtTheGivenTime() {
        db.run(user("ann"), "INSERT INTO app.typing VALUES ('e1', 'lobby', 'start'), ('e2', 'lobby', 'stop')");
        db.run(user("bob"), "INSERT INTO app.typing VALUES ('b1', 'lobby', 'start')");
        long now = System.currentTimeMillis();

        assertEquals(0, db.engine().evictExpiredStreamRows(now));
        assertEquals(List.of(2L), db.column(user("ann"), "SELECT COUNT(*) FROM app.typing"));
        assertEquals(3, db.engine().evictExpiredStreamRows(now + 61_000));
        assertEquals(0, db.engine().evictExpiredStreamRows(now + 61_000));
    }
}
