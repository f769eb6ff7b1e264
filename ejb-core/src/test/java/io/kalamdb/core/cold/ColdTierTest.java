package io.kalamdb.core.cold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flush to Parquet and reads over both tiers, on a real engine with real files. */
class ColdTierTest {
    @TempDir
    Path dir;
    EngineFixture db;
    final SqlSession alice = EngineFixture.user("alice");
    final SqlSession bob = EngineFixture.user("bob");

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.run(EngineFixture.root(), "CREATE NAMESPACE app");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private FlushResult flush(String table) {
        TableDefinition def = db.engine().catalog().requireTable(TableId.of("app", table));
        return db.engine().cold().flusher().flush(def, () -> false);
    }

    private static String text(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows) {
            out.add(Arrays.deepToString(row.toArray()));
        }
        return String.join("\n", out);
    }

    @Test
    void flushThenReadEqualsReadBeforeFlushForEveryType() {
        db.run(EngineFixture.root(), "CREATE USER TABLE app.all_types (id BIGINT PRIMARY KEY, b BOOLEAN, s SMALLINT, "
                + "i INT, f FLOAT, d DOUBLE, n DECIMAL(10,2), t TEXT, bs BYTES, j JSON, dt DATE, tm TIME, "
                + "ts TIMESTAMP, dtz DATETIME, u UUID, e EMBEDDING(2))");
        db.run(alice, "INSERT INTO app.all_types VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
                + "$15, $16)", 1, true, 7, 123_456, 1.5, 2.25, "12.50", "héllo ✓", "aGVsbG8=",
                java.util.Map.of("a", List.of(1, 2)), "2024-05-01", "12:30:00", "2024-05-01T12:30:00Z",
                "2024-05-01T12:30:00.123456Z", "0190f9b0-8a3c-7def-8123-456789abcdef", List.of(0.5, -1));
        db.run(alice, "INSERT INTO app.all_types VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
                + "$15, $16)", Long.MAX_VALUE, false, -32768, Integer.MIN_VALUE, -0.0, Double.MAX_VALUE,
                "-99999999.99", "", "", List.of(), "1970-01-01", "00:00:00", "1970-01-01T00:00:00Z",
                "2262-04-11T23:47:16Z", "00000000-0000-0000-0000-000000000000", List.of(0, 0));
        db.run(alice, "INSERT INTO app.all_types (id) VALUES (3)");
        String sql = "SELECT *, _seq FROM app.all_types ORDER BY id";
        String before = text(db.rows(alice, sql));
        FlushResult result = flush("all_types");
        assertEquals(new FlushResult(1, 3, result.bytes()), result);
        assertTrue(result.bytes() > 0);
        assertEquals(before, text(db.rows(alice, sql)));
        assertEquals(before.split("\n")[2], text(db.rows(alice, "SELECT *, _seq FROM app.all_types WHERE id = $1",
                Long.MAX_VALUE)));
        db.restart();
        assertEquals(before, text(db.rows(alice, sql)));
    }

    @Test
    void updatesAndDeletesOfFlushedRowsAndRepeatedFlushes() {
        db.run(EngineFixture.root(), "CREATE SHARED TABLE app.notes (id BIGINT PRIMARY KEY, body TEXT) "
                + "WITH (ACCESS_LEVEL = 'public')");
        SqlSession alice = EngineFixture.root();
        db.run(alice, "INSERT INTO app.notes VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        flush("notes");
        db.run(alice, "UPDATE app.notes SET body = 'b2' WHERE id = 2");
        db.run(alice, "DELETE FROM app.notes WHERE id = 3");
        db.run(alice, "INSERT INTO app.notes VALUES (4, 'd')");
        db.fails(io.kalamdb.core.model.ErrorCode.CONSTRAINT_VIOLATION, alice, "INSERT INTO app.notes VALUES (1, 'x')");
        List<List<Object>> expected = List.of(List.of(1L, "a"), List.of(2L, "b2"), List.of(4L, "d"));
        assertEquals(expected, db.rows(alice, "SELECT id, body FROM app.notes ORDER BY id"));
        assertEquals(new FlushResult(1, 3, 0).rows(), flush("notes").rows());
        assertEquals(expected, db.rows(alice, "SELECT id, body FROM app.notes ORDER BY id"));
        assertEquals(List.of("b2"), db.column(alice, "SELECT body FROM app.notes WHERE id = 2"));
        assertEquals(List.of(), db.column(alice, "SELECT body FROM app.notes WHERE id = 3"));
        assertEquals(List.of(3L), db.column(alice, "SELECT id FROM app.notes WHERE _deleted = true"));
        db.run(alice, "UPDATE app.notes SET body = 'a2' WHERE id = 1");
        db.run(alice, "INSERT INTO app.notes VALUES (3, 'c again')");
        assertEquals(List.of("a2", "b2", "c again", "d"), db.column(alice, "SELECT body FROM app.notes ORDER BY id"));
        assertEquals(2, db.engine().cold().manifests(TableId.of("app", "notes")).get(0).segments().size());
        assertEquals(0, flush("notes").rows() - 2);
    }

    @Test
    void userPartitionsGoToTheirTemplatePathAndStayIsolated() throws Exception {
        db.run(EngineFixture.root(), "CREATE USER TABLE app.msgs (id BIGINT PRIMARY KEY, body TEXT)");
        db.run(alice, "INSERT INTO app.msgs VALUES (1, 'alice 1'), (2, 'alice 2')");
        db.run(bob, "INSERT INTO app.msgs VALUES (1, 'bob 1')");
        assertEquals(new FlushResult(2, 3, flush("msgs").bytes()).rows(), 3);
        Path aliceDir = dir.resolve("storage/app/msgs/alice");
        Path bobDir = dir.resolve("storage/app/msgs/bob");
        assertEquals(List.of("batch-1.parquet", "manifest.json"), files(aliceDir));
        assertEquals(List.of("batch-1.parquet", "manifest.json"), files(bobDir));
        assertTrue(Files.readString(aliceDir.resolve("manifest.json")).contains("\"rows\" : 2"));
        assertEquals(List.of("alice 1", "alice 2"), db.column(alice, "SELECT body FROM app.msgs ORDER BY id"));
        assertEquals(List.of("bob 1"), db.column(bob, "SELECT body FROM app.msgs ORDER BY id"));
        assertEquals(List.of(), db.column(bob, "SELECT body FROM app.msgs WHERE id = 2"));
    }

    @Test
    void aStorageWhoseDirectoryBecameAFileDoesNotStopTheStartAndOtherTablesAreSwept() throws Exception {
        db.run(EngineFixture.root(), "CREATE STORAGE broken TYPE 'filesystem' PATH 'broken'");
        db.run(EngineFixture.root(), "CREATE SHARED TABLE app.lost (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 'broken',"
                + " ACCESS_LEVEL = 'public')");
        db.run(EngineFixture.root(), "CREATE SHARED TABLE app.kept (id BIGINT PRIMARY KEY) WITH (ACCESS_LEVEL = 'public')");
        db.run(EngineFixture.root(), "INSERT INTO app.lost VALUES (1)");
        db.run(EngineFixture.root(), "INSERT INTO app.kept VALUES (1), (2)");
        flush("lost");
        flush("kept");
        db.close();
        Path broken = dir.resolve("broken");
        try (Stream<Path> all = Files.walk(broken)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(broken, "not a directory");
        Path orphan = dir.resolve("storage/app/kept/batch-7.parquet");
        Files.writeString(orphan, "left by an interrupted flush");

        db = new EngineFixture(dir);

        assertEquals(List.of(1L, 2L), db.column(alice, "SELECT id FROM app.kept ORDER BY id"));
        assertFalse(Files.exists(orphan), "the healthy storage was still swept");
        assertEquals(List.of("batch-1.parquet", "manifest.json"), files(dir.resolve("storage/app/kept")));
    }

    static List<String> files(Path directory) throws Exception {
        try (Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPointLookupSkipsRowGroupsOfFlushedSegments() {
        db.run(EngineFixture.root(), "CREATE SHARED TABLE app.big (id BIGINT PRIMARY KEY, body TEXT)");
        for (int chunk = 0; chunk < 20; chunk++) {
            StringBuilder sql = new StringBuilder("INSERT INTO app.big VALUES ");
            for (int i = 0; i < 10_000; i++) {
                long id = chunk * 10_000L + i;
                sql.append(i == 0 ? "" : ", ").append('(').append(id).append(", 'row ").append(id).append("')");
            }
            db.run(EngineFixture.root(), sql.toString());
        }
        flush("big");
        ColdTier.Counters before = db.engine().cold().counters();
        assertEquals(List.of("row 123456"), db.column(EngineFixture.root(), "SELECT body FROM app.big WHERE id = 123456"));
        ColdTier.Counters after = db.engine().cold().counters();
        assertEquals(1, after.segmentsOpened() - before.segmentsOpened());
        assertEquals(1, after.rowGroupsRead() - before.rowGroupsRead());
        assertEquals(1, after.rowGroupsSkipped() - before.rowGroupsSkipped(), "200,000 rows are 2 row groups");
        assertEquals(List.of(200_000L), db.column(EngineFixture.root(), "SELECT COUNT(*) FROM app.big"));
        assertFalse(db.engine().cold().manifests(TableId.of("app", "big")).isEmpty());
    }
}
