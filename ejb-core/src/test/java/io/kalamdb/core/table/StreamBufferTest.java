package io.kalamdb.core.table;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MAX_BUFFER of STREAM tables: each user's partition keeps at most that many events; an insert beyond it
 * evicts the partition's oldest events (lowest {@code _seq}) in the same batch.
 */
class StreamBufferTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void schema() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app; CREATE STREAM TABLE app.feed (id TEXT PRIMARY KEY, n INT)"
                + " WITH (TTL_SECONDS = 60, MAX_BUFFER = 3)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Object> ids(String who) {
        return db.column(user(who), "SELECT id FROM app.feed");
    }

    /** @return the events physically stored (every one of them is younger than the TTL) */
    private int storedEvents() {
        return db.engine().evictExpiredStreamRows(System.currentTimeMillis() + 3_600_000);
    }

    @Test
    void singleInsertsBeyondTheCapEvictTheOldestEvents() {
        for (int i = 1; i <= 5; i++) {
            db.run(user("ann"), "INSERT INTO app.feed VALUES ($1, $2)", "e" + i, i);
            assertEquals(Math.min(i, 3), ids("ann").size(), "after insert " + i);
        }

        assertEquals(List.of("e3", "e4", "e5"), ids("ann"));
        assertEquals(3, storedEvents(), "evicted events are deleted, not hidden");
    }

    @Test
    void aMultiRowInsertBeyondTheCapKeepsItsNewestRows() {
        db.run(user("ann"), "INSERT INTO app.feed VALUES ('e1', 1), ('e2', 2)");

        assertEquals("Inserted 5 row(s)", db.run(user("ann"),
                "INSERT INTO app.feed VALUES ('e3', 3), ('e4', 4), ('e5', 5), ('e6', 6), ('e7', 7)").message());
        assertEquals(List.of("e5", "e6", "e7"), ids("ann"));

        db.run(user("ann"), "INSERT INTO app.feed VALUES ('f1', 8), ('f2', 9)");
        assertEquals(List.of(List.of("e7", 7), List.of("f1", 8), List.of("f2", 9)),
                db.rows(user("ann"), "SELECT id, n FROM app.feed"));
        assertEquals(3, storedEvents());
    }

    @Test
    void otherUsersPartitionsAreUnaffected() {
        db.run(user("bob"), "INSERT INTO app.feed VALUES ('b1', 1), ('b2', 2)");
        db.run(user("ann2"), "INSERT INTO app.feed VALUES ('c1', 1)");

        db.run(user("ann"), "INSERT INTO app.feed VALUES ('e1', 1), ('e2', 2), ('e3', 3), ('e4', 4)");

        assertEquals(List.of("e2", "e3", "e4"), ids("ann"));
        assertEquals(List.of("b1", "b2"), ids("bob"));
        assertEquals(List.of("c1"), ids("ann2"));
        assertEquals(6, storedEvents());
    }

    @Test
    void appendsArePublishedAndEvictionsAreNot() throws Exception {
        db.run(user("ann"), "INSERT INTO app.feed VALUES ('e1', 1), ('e2', 2), ('e3', 3)");
        List<List<RowChange>> seen = new ArrayList<>();
        try (AutoCloseable sub = db.engine().changes().subscribe(seen::add)) {
            db.run(user("ann"), "INSERT INTO app.feed VALUES ('e4', 4)");
            db.run(user("ann"), "INSERT INTO app.feed VALUES ('e5', 5), ('e6', 6), ('e7', 7), ('e8', 8)");
        }

        assertEquals(List.of(List.of(RowChange.Kind.INSERT),
                        List.of(RowChange.Kind.INSERT, RowChange.Kind.INSERT, RowChange.Kind.INSERT,
                                RowChange.Kind.INSERT)),
                seen.stream().map(changes -> changes.stream().map(RowChange::kind).toList()).toList());
        assertEquals(List.of("e6", "e7", "e8"), ids("ann"));
    }

    @Test
    void concurrentInsertsOfOneUserKeepExactlyTheNewestEvents() throws Exception {
        Queue<Long> appended = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (AutoCloseable sub = db.engine().changes().subscribe(cs -> cs.forEach(c -> appended.add(c.seq())))) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String prefix = "t" + t + "-";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        db.run(user("ann"), "INSERT INTO app.feed VALUES ($1, $2), ($3, $4)",
                                prefix + i + "a", i, prefix + i + "b", i);
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(200, appended.size());
        List<Object> newest = appended.stream().sorted().skip(197).map(Object.class::cast).toList();
        assertEquals(newest, db.column(user("ann"), "SELECT _seq FROM app.feed"));
        assertEquals(3, storedEvents());
    }

    @Test
    void settingOrLoweringTheCapTrimsEveryPartitionAtOnce() {
        db.run(root(), "CREATE STREAM TABLE app.uncapped (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 60)");
        db.run(user("ann"), "INSERT INTO app.uncapped VALUES ('a1'), ('a2'), ('a3'), ('a4')");
        db.run(user("bob"), "INSERT INTO app.uncapped VALUES ('b1'), ('b2')");
        db.run(user("ann"), "INSERT INTO app.feed VALUES ('e1', 1), ('e2', 2), ('e3', 3)");

        db.run(root(), "ALTER TABLE app.uncapped SET TBLPROPERTIES (MAX_BUFFER = 2)");
        db.run(root(), "ALTER TABLE app.feed SET TBLPROPERTIES (MAX_BUFFER = 1)");

        assertEquals(List.of("a3", "a4"), db.column(user("ann"), "SELECT id FROM app.uncapped"));
        assertEquals(List.of("b1", "b2"), db.column(user("bob"), "SELECT id FROM app.uncapped"));
        assertEquals(List.of("e3"), ids("ann"));
        assertEquals(List.of(List.of("app.feed", 1L), List.of("app.uncapped", 2L)),
                db.rows(root(), "SELECT table_id, max_buffer FROM system.tables ORDER BY table_id"));

        db.run(root(), "ALTER TABLE app.feed SET TBLPROPERTIES (MAX_BUFFER = 2)");
        db.run(user("ann"), "INSERT INTO app.feed VALUES ('e4', 4), ('e5', 5)");
        assertEquals(List.of("e4", "e5"), ids("ann"));
    }

    @Test
    void theCapIsPersistedAndAppliesAfterARestart() {
        db.run(user("ann"), "INSERT INTO app.feed VALUES ('e1', 1), ('e2', 2), ('e3', 3)");

        db.restart();

        assertEquals(List.of(Arrays.asList("stream", 60L, 3L)),
                db.rows(root(), "SELECT table_type, ttl_seconds, max_buffer FROM system.tables"));
        db.run(user("ann"), "INSERT INTO app.feed VALUES ('e4', 4)");
        assertEquals(List.of("e2", "e3", "e4"), ids("ann"));
    }

    @Test
    void maxBufferIsOnlyAPositiveRowCountOnStreamTables() {
        assertEquals("MAX_BUFFER is only allowed on STREAM tables", db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE USER TABLE app.u (id BIGINT PRIMARY KEY) WITH (MAX_BUFFER = 10)").getMessage());
        assertEquals("MAX_BUFFER is only allowed on STREAM tables", db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE SHARED TABLE app.s (id BIGINT PRIMARY KEY) WITH (MAX_BUFFER = 10)").getMessage());
        assertEquals("MAX_BUFFER must be positive, got 0", db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE STREAM TABLE app.z (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 60, MAX_BUFFER = 0)")
                .getMessage());
        assertEquals("MAX_BUFFER must be positive, got -5", db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE STREAM TABLE app.z (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 60, MAX_BUFFER = -5)")
                .getMessage());
        assertEquals("MAX_BUFFER must be a whole number, got 'lots'", db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE STREAM TABLE app.z (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 60, MAX_BUFFER = 'lots')")
                .getMessage());
        db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE STREAM TABLE app.z (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 60, MAX_BUFFER = 2.5)");

        db.run(root(), "CREATE USER TABLE app.notes (id BIGINT PRIMARY KEY)");
        KalamException alterUser = db.fails(ErrorCode.INVALID_SQL, root(),
                "ALTER TABLE app.notes SET TBLPROPERTIES (MAX_BUFFER = 5)");
        assertEquals("MAX_BUFFER is only allowed on STREAM tables", alterUser.getMessage());
        db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.feed SET TBLPROPERTIES (MAX_BUFFER = 0)");

        db.run(root(), "CREATE STREAM TABLE app.uncapped (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 60)");
        assertEquals(Arrays.asList(3L, null, null),
                db.column(root(), "SELECT max_buffer FROM system.tables ORDER BY table_id"),
                "app.feed keeps its cap; app.notes and app.uncapped have none");
        assertEquals(List.of(1), db.column(root(), "SELECT schema_version FROM system.tables WHERE table_id = "
                + "'app.feed'"), "a refused ALTER changes nothing");
    }
}
