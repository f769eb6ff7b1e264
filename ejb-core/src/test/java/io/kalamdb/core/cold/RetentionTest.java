package io.kalamdb.core.cold;

import static io.kalamdb.core.EngineFixture.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobStatus;
import io.kalamdb.core.jobs.JobType;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deleted-retention} jobs on a real engine with real segment files and a test clock. Row versions get
 * {@code _seq} times from the system clock; the engine clock (which retention is measured against) is moved.
 */
class RetentionTest {
    private static final Duration WEEK = Duration.ofHours(DeletedRetentionJob.DEFAULT_RETENTION_HOURS);

    @TempDir
    Path dir;
    final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    EngineFixture db;
    final SqlSession alice = EngineFixture.user("alice");
    final SqlSession bob = EngineFixture.user("bob");

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir, clock::get);
        db.run(root(), "CREATE NAMESPACE app");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void flush(String table) {
        TableDefinition def = db.engine().catalog().requireTable(TableId.of("app", table));
        db.engine().cold().flusher().flush(def, () -> false);
    }

    private JobRecord retention(TableId table, Map<String, String> parameters) {
        return db.engine().jobs().submit(JobType.DELETED_RETENTION, table, parameters, null);
    }

    /** @return a time strictly between the versions written before and after this call, epoch ms */
    private static long pause() throws InterruptedException {
        Thread.sleep(5);
        long mid = System.currentTimeMillis();
        Thread.sleep(5);
        return mid;
    }

    private List<Long> segmentIds(String table) {
        return db.engine().cold().manifests(TableId.of("app", table)).get(0).segments().stream().map(Segment::id)
                .toList();
    }

    @Test
    void purgesOldTombstonesFromHotAndSegmentsWithTheirOlderVersionsAndKeepsTheRest() throws Exception {
        db.run(root(), "CREATE SHARED TABLE app.notes (id BIGINT PRIMARY KEY, body TEXT)");
        db.run(root(), "INSERT INTO app.notes VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')");
        flush("notes");
        db.run(root(), "DELETE FROM app.notes WHERE id = 2");
        flush("notes");
        db.run(root(), "DELETE FROM app.notes WHERE id IN (1, 5)");
        db.run(root(), "INSERT INTO app.notes VALUES (5, 'e again')");
        assertEquals(List.of(1L, 2L), segmentIds("notes"));
        assertEquals(List.of("c", "d", "e again"), db.column(root(), "SELECT body FROM app.notes ORDER BY id"));
        long mid = pause();
        db.run(root(), "DELETE FROM app.notes WHERE id = 3");
        clock.set(mid + WEEK.toMillis());

        JobRecord job = retention(null, Map.of());

        assertEquals(JobStatus.COMPLETED, job.status());
        assertEquals("Purged 2 soft-deleted row(s) (1 hot, 1 cold) from 1 table(s), rewrote 2 segment(s)",
                job.message());
        Path partition = dir.resolve("storage/app/notes");
        assertEquals(List.of("batch-3.parquet", "manifest.json"), ColdTierTest.files(partition));
        assertEquals(List.of(3L), segmentIds("notes"));
        Segment rewritten = db.engine().cold().manifests(TableId.of("app", "notes")).get(0).segments().get(0);
        assertEquals(List.of(3L, 3L, 5L), List.of(rewritten.rows(), rewritten.minPk(), rewritten.maxPk()),
                "ids 1 and 2 left batch-1 (rewritten as batch-3), batch-2 held only the tombstone of 2");
        assertTrue(Files.readString(partition.resolve("manifest.json")).contains("batch-3.parquet"));
        assertEquals(List.of("d", "e again"), db.column(root(), "SELECT body FROM app.notes ORDER BY id"));
        assertEquals(List.of(3L), db.column(root(), "SELECT id FROM app.notes WHERE _deleted = true"));
        assertEquals(List.of(), db.column(root(), "SELECT body FROM app.notes WHERE id = 1"));
        assertEquals(List.of(), db.column(root(), "SELECT body FROM app.notes WHERE id = 2"));

        db.restart();
        assertEquals(List.of("batch-3.parquet", "manifest.json"), ColdTierTest.files(partition));
        assertEquals(List.of(3L), db.column(root(), "SELECT id FROM app.notes WHERE _deleted = true"));
        assertEquals(List.of(4L, 5L), db.column(root(), "SELECT id FROM app.notes ORDER BY id"));
        db.run(root(), "INSERT INTO app.notes VALUES (1, 'new 1')");
        assertEquals(List.of("new 1", "d", "e again"), db.column(root(), "SELECT body FROM app.notes ORDER BY id"));
    }
}
