package io.kalamdb.core.table;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals(List.of(0L), db.column(user("ann"), "SELECT COUNT(*) FROM app.typing WHERE _deleted = true"));
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
