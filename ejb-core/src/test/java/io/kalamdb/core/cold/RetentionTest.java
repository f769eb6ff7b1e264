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

    @Test
    void aPurgedUserKeyDoesNotReappearFromAnOlderSegmentAndOtherUsersAreUntouched() throws Exception {
        db.run(root(), "CREATE USER TABLE app.msgs (id BIGINT PRIMARY KEY, body TEXT)");
        db.run(alice, "INSERT INTO app.msgs VALUES (1, 'alice 1'), (2, 'alice 2')");
        db.run(bob, "INSERT INTO app.msgs VALUES (1, 'bob 1')");
        flush("msgs");
        db.run(alice, "DELETE FROM app.msgs WHERE id = 1");
        db.run(bob, "DELETE FROM app.msgs WHERE id = 1");
        flush("msgs");
        db.run(alice, "DELETE FROM app.msgs WHERE id = 2");
        assertEquals(List.of("alice 1"), db.column(alice, "SELECT body FROM app.msgs WHERE id = 1 AND _deleted = true"),
                "the flushed older version is still there under the tombstone");
        clock.addAndGet(WEEK.plusHours(1).toMillis());

        JobRecord job = retention(TableId.of("app", "msgs"), Map.of());

        assertEquals("Purged 3 soft-deleted row(s) (1 hot, 2 cold) from 1 table(s), rewrote 4 segment(s)",
                job.message());
        assertEquals(List.of("manifest.json"), ColdTierTest.files(dir.resolve("storage/app/msgs/alice")));
        assertEquals(List.of("manifest.json"), ColdTierTest.files(dir.resolve("storage/app/msgs/bob")));
        assertTrue(db.engine().cold().manifests(TableId.of("app", "msgs")).stream()
                .allMatch(m -> m.segments().isEmpty()));
        for (SqlSession user : List.of(alice, bob)) {
            assertEquals(List.of(), db.column(user, "SELECT id FROM app.msgs WHERE _deleted = true"));
            assertEquals(List.of(), db.column(user, "SELECT id FROM app.msgs WHERE id = 1"));
            assertEquals(List.of(), db.column(user, "SELECT id FROM app.msgs"));
        }
        db.run(bob, "INSERT INTO app.msgs VALUES (1, 'bob again')");
        assertEquals(List.of("bob again"), db.column(bob, "SELECT body FROM app.msgs"));
        assertEquals(List.of(), db.column(alice, "SELECT body FROM app.msgs"));
    }

    @Test
    void theTableOptionOverridesTheJobsDefaultHours() throws Exception {
        db.run(root(), "CREATE SHARED TABLE app.short (id BIGINT PRIMARY KEY) WITH (DELETED_RETENTION_HOURS = 24)");
        db.run(root(), "CREATE SHARED TABLE app.plain (id BIGINT PRIMARY KEY)");
        for (String table : List.of("short", "plain")) {
            db.run(root(), "INSERT INTO app." + table + " VALUES (1), (2)");
            db.run(root(), "DELETE FROM app." + table + " WHERE id = 1");
        }
        long mid = pause();
        clock.set(mid + Duration.ofHours(48).toMillis());

        assertEquals("Purged 1 soft-deleted row(s) (1 hot, 0 cold) from 2 table(s), rewrote 0 segment(s)",
                retention(null, Map.of()).message(), "24 h for app.short, the 168 h default for app.plain");
        assertEquals(List.of(), db.column(root(), "SELECT id FROM app.short WHERE _deleted = true"));
        assertEquals(List.of(1L), db.column(root(), "SELECT id FROM app.plain WHERE _deleted = true"));

        assertEquals("Purged 1 soft-deleted row(s) (1 hot, 0 cold) from 2 table(s), rewrote 0 segment(s)",
                retention(null, Map.of(DeletedRetentionJob.DEFAULT_HOURS, "47")).message());
        assertEquals(List.of(), db.column(root(), "SELECT id FROM app.plain WHERE _deleted = true"));
        assertEquals(List.of(2L), db.column(root(), "SELECT id FROM app.plain"));
    }

    @Test
    void systemJobsShowsTheCompletedJobWithItsCounts() {
        db.run(root(), "CREATE SHARED TABLE app.notes (id BIGINT PRIMARY KEY)");
        db.run(root(), "INSERT INTO app.notes VALUES (1)");
        db.run(root(), "DELETE FROM app.notes WHERE id = 1");
        flush("notes");
        clock.addAndGet(Duration.ofHours(2).toMillis());

        JobRecord job = retention(TableId.of("app", "notes"), Map.of(DeletedRetentionJob.DEFAULT_HOURS, "1"));

        assertEquals(List.of(List.of("deleted-retention", "completed", "app", "notes", "{\"default_hours\":\"1\"}",
                        "Purged 1 soft-deleted row(s) (0 hot, 1 cold) from 1 table(s), rewrote 1 segment(s)")),
                db.rows(root(), "SELECT job_type, status, namespace_id, table_name, parameters, message"
                        + " FROM system.jobs WHERE job_id = ?", job.id().value()));
    }

    @Test
    void aBadDefaultHoursOrAStreamTableFailsTheJob() {
        db.run(root(), "CREATE STREAM TABLE app.events (id BIGINT PRIMARY KEY) WITH (TTL_SECONDS = 60)");

        assertEquals("Parameter default_hours must be a whole number of at least 0: 'soon'",
                retention(null, Map.of(DeletedRetentionJob.DEFAULT_HOURS, "soon")).message());
        JobRecord stream = retention(TableId.of("app", "events"), Map.of());
        assertEquals(JobStatus.FAILED, stream.status());
        assertEquals("STREAM table app.events has no soft-deleted rows: its events expire by TTL_SECONDS",
                stream.message());
    }
}
